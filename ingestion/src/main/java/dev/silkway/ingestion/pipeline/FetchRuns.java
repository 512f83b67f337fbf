package dev.silkway.ingestion.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ingestion_fetch_runs}: one row per run of a feed, the database guard that at most one run per feed is
 * RUNNING ({@code uq_ingestion_fetch_runs_one_running}), its checkpoint, counts and heartbeat. A RUNNING row whose
 * heartbeat stopped belongs to a crashed instance; another instance claims it atomically and resumes it.
 */
@Component
public class FetchRuns {

    private final JdbcTemplate jdbc;

    FetchRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A RUNNING row for the feed, or empty when one is running already. */
    public Optional<Long> claim(String feed, String trigger, String instanceId) {
        try {
            return Optional.ofNullable(jdbc.queryForObject(
                    "INSERT INTO ingestion_fetch_runs (marketplace_code, trigger, instance_id) VALUES (?, ?, ?)"
                            + " RETURNING id",
                    Long.class,
                    feed,
                    trigger,
                    instanceId));
        } catch (DuplicateKeyException alreadyRunning) {
            return Optional.empty();
        }
    }

    void attach(long runId, long jobExecutionId, String instanceId) {
        jdbc.update(
                "UPDATE ingestion_fetch_runs SET job_execution_id = ?, instance_id = ?, heartbeat_at = now(),"
                        + " status = 'RUNNING', finished_at = NULL, error_message = NULL WHERE id = ?",
                jobExecutionId,
                instanceId,
                runId);
    }

    void fetched(long runId, @Nullable String checkpoint, int records) {
        jdbc.update(
                "UPDATE ingestion_fetch_runs SET checkpoint = ?, pages_fetched = pages_fetched + 1,"
                        + " records_published = records_published + ?, heartbeat_at = now() WHERE id = ?",
                checkpoint,
                records,
                runId);
    }

    /** Pages fetched and records published so far by the run, across restarts. */
    Progress progress(long runId) {
        return jdbc.queryForObject(
                "SELECT pages_fetched, records_published FROM ingestion_fetch_runs WHERE id = ?",
                (rs, i) -> new Progress(rs.getLong(1), rs.getLong(2)),
                runId);
    }

    record Progress(long pages, long records) {}

    void normalized(long runId, long records) {
        jdbc.update(
                "UPDATE ingestion_fetch_runs SET records_normalized = records_normalized + ?, heartbeat_at = now()"
                        + " WHERE id = ?",
                records,
                runId);
    }

    void finish(long runId, String status, @Nullable String error) {
        jdbc.update(
                "UPDATE ingestion_fetch_runs SET status = ?, error_message = ?, finished_at = now(),"
                        + " heartbeat_at = now() WHERE id = ? AND status = 'RUNNING'",
                status,
                error == null ? null : error.substring(0, Math.min(error.length(), 4000)),
                runId);
    }

    /**
     * Leaves a run stopped by this instance's shutdown RUNNING (still guarded) with a heartbeat long past, so that the
     * next start or another live instance takes it over at once and resumes it from its checkpoint.
     */
    void release(long runId) {
        jdbc.update(
                "UPDATE ingestion_fetch_runs SET heartbeat_at = to_timestamp(0) WHERE id = ? AND status = 'RUNNING'",
                runId);
    }

    /** A failed run that an operator restarts is RUNNING again (and guarded again). */
    public boolean reopen(long runId) {
        try {
            return jdbc.update(
                            "UPDATE ingestion_fetch_runs SET status = 'RUNNING', finished_at = NULL, heartbeat_at = now()"
                                    + " WHERE id = ? AND status IN ('FAILED', 'ABANDONED')",
                            runId)
                    == 1;
        } catch (DuplicateKeyException anotherRunning) {
            return false;
        }
    }

    /** Keeps up the heartbeat of the runs this instance is executing, however long a page or a chunk takes. */
    void heartbeat(java.util.Collection<Long> runIds, String instanceId) {
        if (runIds.isEmpty()) {
            return;
        }
        jdbc.update(
                "UPDATE ingestion_fetch_runs SET heartbeat_at = now() WHERE id = ANY (?) AND status = 'RUNNING'"
                        + " AND instance_id = ? AND heartbeat_at > to_timestamp(0)", // never a released run
                runIds.toArray(Long[]::new),
                instanceId);
    }

    /** RUNNING runs whose heartbeat is older than {@code staleAfter}: their instance died. */
    List<StaleRun> stale(Duration staleAfter) {
        return jdbc.query(
                "SELECT id, marketplace_code, job_execution_id FROM ingestion_fetch_runs WHERE status = 'RUNNING'"
                        + " AND heartbeat_at < now() - make_interval(secs => ?) ORDER BY id",
                (rs, i) -> new StaleRun(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)),
                (double) staleAfter.toMillis() / 1000);
    }

    /** Takes over a stale run; false if another instance was faster (or its heartbeat came back). */
    boolean takeOver(long runId, Duration staleAfter, String instanceId) {
        return jdbc.update(
                        "UPDATE ingestion_fetch_runs SET instance_id = ?, heartbeat_at = now(), trigger = 'RESUME'"
                                + " WHERE id = ? AND status = 'RUNNING'"
                                + " AND heartbeat_at < now() - make_interval(secs => ?)",
                        instanceId,
                        runId,
                        (double) staleAfter.toMillis() / 1000)
                == 1;
    }

    Optional<Long> runOfExecution(long jobExecutionId) {
        return jdbc
                .query(
                        "SELECT id FROM ingestion_fetch_runs WHERE job_execution_id = ?",
                        (rs, i) -> rs.getLong(1),
                        jobExecutionId)
                .stream()
                .findFirst();
    }

    record StaleRun(long runId, String feed, @Nullable Long jobExecutionId) {}
}
