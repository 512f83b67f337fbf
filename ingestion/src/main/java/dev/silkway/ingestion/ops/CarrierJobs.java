package dev.silkway.ingestion.ops;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracking poller's carrier jobs beside the feeds in {@code /api/v1/ops/jobs}: one clustered Quartz trigger
 * per carrier API in the poller's scheduler ({@code silkway-tracking}, group {@code tracking}), read from the
 * shared database with its effective cron (its interval as a cron, or the cron it runs on), its next fire, and
 * its last run from {@code carrier_poll_runs} (calls made, numbers polled, events stored, failed calls). The
 * poller is another application and owns its scheduler: a new schedule is written to
 * {@code carrier_job_settings} and a run asked for in {@code carrier_job_run_requests}; the poller applies
 * both within seconds.
 */
@Component
class CarrierJobs {

    static final String PREFIX = "tracking-";
    static final String POLL = PREFIX + "poll-";
    static final long RUN_TAKEN_WITHIN_SECONDS = 30;

    private final JdbcClient jdbc;

    CarrierJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean isCarrierJob(String name) {
        return name.startsWith(PREFIX);
    }

    List<JobsController.JobView> views() {
        return jdbc.sql("""
                SELECT t.trigger_name, t.next_fire_time, t.trigger_state, s.repeat_interval, c.cron_expression
                FROM qrtz_triggers t
                LEFT JOIN qrtz_simple_triggers s
                  ON s.sched_name = t.sched_name AND s.trigger_name = t.trigger_name AND s.trigger_group = t.trigger_group
                LEFT JOIN qrtz_cron_triggers c
                  ON c.sched_name = t.sched_name AND c.trigger_name = t.trigger_name AND c.trigger_group = t.trigger_group
                WHERE t.sched_name = 'silkway-tracking' AND t.trigger_group = 'tracking'
                  AND (s.trigger_name IS NOT NULL OR c.trigger_name IS NOT NULL)
                ORDER BY t.trigger_name
                """)
                .query((rs, i) -> {
                    String trigger = rs.getString(1);
                    long next = rs.getLong(2);
                    String cron = rs.getString(5);
                    return new JobsController.JobView(
                            PREFIX + trigger,
                            null,
                            cron != null ? cron : cron(rs.getLong(4)),
                            "UTC",
                            !"PAUSED".equals(rs.getString(3)),
                            next > 0 ? Instant.ofEpochMilli(next) : null,
                            lastRun(trigger.substring("poll-".length())).orElse(null));
                })
                .list();
    }

    Optional<JobsController.JobView> find(String name) {
        return views().stream().filter(job -> job.name().equals(name)).findFirst();
    }

    /**
     * Sets the job's cron (UTC) for the poller to apply; the view as it will be once applied, or empty when there is
     * no such job.
     */
    Optional<JobsController.JobView> reschedule(String name, String cron, String admin) {
        return find(name).map(job -> {
            jdbc.sql("""
                    INSERT INTO carrier_job_settings (api, cron, updated_by) VALUES (:api, :cron, :admin)
                    ON CONFLICT (api) DO UPDATE SET cron = excluded.cron, updated_by = excluded.updated_by,
                        updated_at = now()
                    """)
                    .param("api", api(name))
                    .param("cron", cron)
                    .param("admin", admin)
                    .update();
            return new JobsController.JobView(
                    job.name(), null, cron, "UTC", job.enabled(), nextFire(cron), job.lastExecution());
        });
    }

    /**
     * Asks the poller for a run of the job (every open leg of its API due now, a cycle at once) and waits until a
     * poller instance took it: the id of its run in {@code carrier_poll_runs}, or empty when there is no such job.
     */
    Optional<Long> run(String name, String operator) {
        if (find(name).isEmpty()) {
            return Optional.empty();
        }
        long request = jdbc.sql("INSERT INTO carrier_job_run_requests (api, requested_by) VALUES (?, ?) RETURNING id")
                .params(api(name), operator)
                .query(Long.class)
                .single();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_TAKEN_WITHIN_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<Long> run = jdbc.sql(
                            "SELECT poll_run_id FROM carrier_job_run_requests WHERE id = ? AND poll_run_id IS NOT NULL")
                    .params(request)
                    .query(Long.class)
                    .optional();
            if (run.isPresent()) {
                return run;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw OpsProblem.unavailable("No tracking poller took the run of " + name + " within "
                + RUN_TAKEN_WITHIN_SECONDS + " s; it runs when one does");
    }

    /** Whole seconds under a minute as a Quartz cron ("0/1 * * * * ?"); otherwise every minute. */
    static String cron(long intervalMillis) {
        long seconds = Math.max(1, intervalMillis / 1000);
        return seconds < 60 ? "0/" + seconds + " * * * * ?" : "0 * * * * ?";
    }

    private static String api(String name) {
        return name.substring(POLL.length());
    }

    private static @Nullable Instant nextFire(String cron) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone("UTC"));
            Date next = expression.getNextValidTimeAfter(new Date());
            return next == null ? null : next.toInstant();
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a cron: " + cron, e);
        }
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
                            POLL + api,
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
