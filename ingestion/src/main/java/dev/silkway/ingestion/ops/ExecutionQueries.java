package dev.silkway.ingestion.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads executions for the ops API straight from Spring Batch's tables, joined with the ingestion bookkeeping
 * (per-step written/unchanged/quarantined counts, the run's progress), and the carrier jobs' runs from
 * {@code carrier_poll_runs} (their ids come from Batch's execution sequence: one id, one execution). Job names are
 * the ops names: {@code ingest-<feed>}, {@code exchange-rates} or {@code tracking-poll-<api>}.
 */
@Component
class ExecutionQueries {

    private static final String SELECT = """
            SELECT id, job, feed, status, start_time, end_time, exit_message FROM (
                SELECT e.job_execution_id AS id,
                       CASE WHEN i.job_name = 'exchangeRatesJob' THEN 'exchange-rates'
                            ELSE 'ingest-' || f.parameter_value END AS job,
                       f.parameter_value AS feed, e.status, e.start_time::timestamptz AS start_time,
                       e.end_time::timestamptz AS end_time, e.exit_message
                FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                LEFT JOIN batch_job_execution_params f ON f.job_execution_id = e.job_execution_id
                     AND f.parameter_name = 'feed'
                UNION ALL
                SELECT r.id, 'tracking-poll-' || r.api, NULL,
                       CASE WHEN r.finished_at IS NULL THEN 'STARTED' ELSE 'COMPLETED' END,
                       r.started_at, r.finished_at,
                       CASE WHEN r.failures > 0 THEN r.failures || ' of ' || r.calls || ' calls failed' END
                FROM carrier_poll_runs r) x
            """;

    private final JdbcTemplate jdbc;

    ExecutionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Summary(
            long id,
            String job,
            @Nullable String marketplace,
            String status,
            @Nullable Instant startTime,
            @Nullable Instant endTime,
            @Nullable String error) {}

    record Step(
            String name,
            String status,
            long readCount,
            long writeCount,
            long skipCount,
            long written,
            long unchanged,
            long quarantined,
            long commits,
            long rollbacks,
            @Nullable String message) {}

    record Progress(
            long pagesFetched,
            long recordsPublished,
            long recordsNormalized,
            @Nullable String checkpoint) {}

    record Detail(
            Summary execution, List<Step> steps, @Nullable Progress progress) {}

    record PageOf<T>(List<T> items, long total) {}

    Optional<Summary> latestOf(String opsJob) {
        Filter f = Filter.of(opsJob, null);
        return jdbc.query(SELECT + f.where + " ORDER BY x.id DESC LIMIT 1", this::summary, f.args()).stream()
                .findFirst();
    }

    PageOf<Summary> list(@Nullable String opsJob, @Nullable String status, int page, int size) {
        Filter f = Filter.of(opsJob, status);
        long total = jdbc.queryForObject("SELECT count(*) FROM (" + SELECT + f.where + ") x", Long.class, f.args());
        List<Object> args = new ArrayList<>(List.of(f.args()));
        args.add(size);
        args.add((long) page * size);
        List<Summary> items =
                jdbc.query(SELECT + f.where + " ORDER BY x.id DESC LIMIT ? OFFSET ?", this::summary, args.toArray());
        return new PageOf<>(items, total);
    }

    Optional<Detail> detail(long id) {
        Optional<Summary> summary = jdbc.query(SELECT + " WHERE x.id = ?", this::summary, id).stream()
                .findFirst();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        if (summary.get().job() != null
                && CarrierJobs.isCarrierJob(summary.get().job())) {
            return Optional.of(
                    new Detail(summary.get(), carrierRun(id, summary.get().status()), null));
        }
        List<Step> steps = jdbc.query(
                """
                SELECT s.step_name, s.status, s.read_count, s.write_count,
                       s.read_skip_count + s.write_skip_count + s.process_skip_count, s.commit_count,
                       s.rollback_count, st.written_count, st.unchanged_count, st.quarantined_count,
                       NULLIF(s.exit_message, '')
                FROM batch_step_execution s
                LEFT JOIN ingestion_step_stats st ON st.job_execution_id = s.job_execution_id
                     AND st.step_name = s.step_name
                WHERE s.job_execution_id = ? ORDER BY s.step_execution_id
                """,
                (rs, i) -> new Step(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(1).equals("fetch") ? rs.getLong(4) : rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(6),
                        rs.getLong(7),
                        firstLine(rs.getString(11))),
                id);
        Progress progress = jdbc
                .query(
                        "SELECT pages_fetched, records_published, records_normalized, checkpoint"
                                + " FROM ingestion_fetch_runs WHERE job_execution_id = ?",
                        (rs, i) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)),
                        id)
                .stream()
                .findFirst()
                .orElse(null);
        return Optional.of(new Detail(summary.get(), steps, progress));
    }

    /** A carrier run's one step: the numbers it polled, the events it stored, its failed calls of all it made. */
    private List<Step> carrierRun(long id, String status) {
        return jdbc.query(
                "SELECT calls, numbers, events, failures FROM carrier_poll_runs WHERE id = ?",
                (rs, i) -> new Step(
                        "poll",
                        status,
                        rs.getLong("numbers"),
                        rs.getLong("events"),
                        rs.getLong("failures"),
                        rs.getLong("events"),
                        0,
                        0,
                        0,
                        0,
                        rs.getLong("calls") + " calls"),
                id);
    }

    long latestId(String batchJob) {
        Long id = jdbc.queryForObject(
                "SELECT max(e.job_execution_id) FROM batch_job_execution e JOIN batch_job_instance i"
                        + " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = ?",
                Long.class,
                batchJob);
        return id == null ? 0 : id;
    }

    long awaitNewer(String batchJob, long before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long latest = latestId(batchJob);
            if (latest > before) {
                return latest;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IllegalStateException(batchJob + " did not start within 30 s");
    }

    private Summary summary(ResultSet rs, int row) throws SQLException {
        String exit = rs.getString("exit_message");
        return new Summary(
                rs.getLong("id"),
                rs.getString("job"),
                rs.getString("feed"),
                rs.getString("status"),
                instant(rs.getTimestamp("start_time")),
                instant(rs.getTimestamp("end_time")),
                exit == null || exit.isBlank() ? null : exit.lines().findFirst().orElse(exit));
    }

    /** A step's exit description as the operator reads it (e.g. the translation budget reached); no stack trace. */
    private static @Nullable String firstLine(@Nullable String message) {
        return message == null ? null : message.lines().findFirst().orElse(message);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private record Filter(String where, List<Object> argList) {
        Object[] args() {
            return argList.toArray();
        }

        static Filter of(@Nullable String opsJob, @Nullable String status) {
            List<String> clauses = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            if (opsJob != null && !opsJob.isBlank()) {
                clauses.add("x.job = ?");
                boolean named = opsJob.equals("exchange-rates")
                        || opsJob.startsWith("ingest-")
                        || CarrierJobs.isCarrierJob(opsJob);
                args.add(named ? opsJob : "ingest-" + opsJob);
            }
            if (status != null && !status.isBlank()) {
                clauses.add("x.status = ?");
                args.add(status.toUpperCase(java.util.Locale.ROOT));
            }
            return new Filter(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), args);
        }
    }

    static Map<String, Object> items(PageOf<?> page) {
        return Map.of("items", page.items(), "total", page.total());
    }
}
