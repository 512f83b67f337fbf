package dev.silkway.ingestion.ops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracking poller's carrier jobs, for {@code GET /api/v1/ops/jobs} beside the feeds: one clustered Quartz
 * trigger per carrier API in the poller's scheduler ({@code silkway-tracking}, group {@code tracking}), its
 * interval as a cron, its next fire, and its last run from {@code carrier_poll_runs} (calls made, numbers polled,
 * events stored, failed calls). Read from the shared database: the poller is another application.
 */
@Component
class CarrierJobs {

    static final String PREFIX = "tracking-";

    private final JdbcClient jdbc;

    CarrierJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<JobsController.JobView> views() {
        return jdbc.sql("""
                SELECT t.trigger_name, t.next_fire_time, t.trigger_state, s.repeat_interval
                FROM qrtz_triggers t
                JOIN qrtz_simple_triggers s
                  ON s.sched_name = t.sched_name AND s.trigger_name = t.trigger_name AND s.trigger_group = t.trigger_group
                WHERE t.sched_name = 'silkway-tracking' AND t.trigger_group = 'tracking'
                ORDER BY t.trigger_name
                """)
                .query((rs, i) -> {
                    String trigger = rs.getString(1);
                    long next = rs.getLong(2);
                    return new JobsController.JobView(
                            PREFIX + trigger,
                            null,
                            cron(rs.getLong(4)),
                            "UTC",
                            !"PAUSED".equals(rs.getString(3)),
                            next > 0 ? Instant.ofEpochMilli(next) : null,
                            lastRun(trigger.substring("poll-".length())).orElse(null));
                })
                .list();
    }

    /** Whole seconds under a minute as a Quartz cron ("0/1 * * * * ?"); otherwise every minute. */
    static String cron(long intervalMillis) {
        long seconds = Math.max(1, intervalMillis / 1000);
        return seconds < 60 ? "0/" + seconds + " * * * * ?" : "0 * * * * ?";
    }

    private Optional<ExecutionQueries.Summary> lastRun(String api) {
        return jdbc.sql("""
                SELECT id, started_at, finished_at, calls, numbers, events, failures FROM carrier_poll_runs
                WHERE api = ? ORDER BY started_at DESC, id DESC LIMIT 1
                """)
                .params(api)
                .query((rs, i) -> {
                    int calls = rs.getInt("calls");
                    int failures = rs.getInt("failures");
                    return new ExecutionQueries.Summary(
                            rs.getLong("id"),
                            PREFIX + "poll-" + api,
                            null,
                            calls > 0 && failures == calls ? "FAILED" : "COMPLETED",
                            rs.getTimestamp("started_at").toInstant(),
                            rs.getTimestamp("finished_at") == null
                                    ? null
                                    : rs.getTimestamp("finished_at").toInstant(),
                            failures == 0
                                    ? null
                                    : failures + " of " + calls + " calls failed; " + rs.getInt("numbers")
                                            + " numbers polled, " + rs.getInt("events") + " new events");
                })
                .optional();
    }
}
