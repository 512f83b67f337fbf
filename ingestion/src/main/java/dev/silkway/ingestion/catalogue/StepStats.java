package dev.silkway.ingestion.catalogue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Adds a chunk's counts to {@code ingestion_step_stats} in the chunk's own transaction. */
@Component
public class StepStats {

    private final JdbcTemplate jdbc;

    public StepStats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(
            long jobExecutionId,
            String stepName,
            String feedCode,
            long read,
            long written,
            long unchanged,
            long quarantined) {
        jdbc.update("""
                INSERT INTO ingestion_step_stats (job_execution_id, step_name, marketplace_code, read_count,
                    written_count, unchanged_count, quarantined_count)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (job_execution_id, step_name) DO UPDATE SET
                    read_count = ingestion_step_stats.read_count + EXCLUDED.read_count,
                    written_count = ingestion_step_stats.written_count + EXCLUDED.written_count,
                    unchanged_count = ingestion_step_stats.unchanged_count + EXCLUDED.unchanged_count,
                    quarantined_count = ingestion_step_stats.quarantined_count + EXCLUDED.quarantined_count,
                    updated_at = now()
                """, jobExecutionId, stepName, feedCode, read, written, unchanged, quarantined);
    }
}
