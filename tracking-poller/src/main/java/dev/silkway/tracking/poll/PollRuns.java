package dev.silkway.tracking.poll;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** carrier_poll_runs: each cycle that sent calls, with what its calls brought (the carrier jobs' runs). */
final class PollRuns {

    private final JdbcClient jdbc;
    private final String instance;

    PollRuns(JdbcClient jdbc, String instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    long start(String api, Instant at) {
        return jdbc.sql("""
                INSERT INTO carrier_poll_runs (api, instance, started_at) VALUES (:api, :instance, :at) RETURNING id
                """)
                .param("api", api)
                .param("instance", instance)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Adds one call's outcome to its run. */
    void add(long run, int calls, int numbers, int events, int failures) {
        jdbc.sql("""
                UPDATE carrier_poll_runs SET calls = calls + :calls, numbers = numbers + :numbers,
                       events = events + :events, failures = failures + :failures, finished_at = now()
                WHERE id = :id
                """)
                .param("calls", calls)
                .param("numbers", numbers)
                .param("events", events)
                .param("failures", failures)
                .param("id", run)
                .update();
    }

    /** Forgets the runs started before {@code before}, and the run requests taken before it. */
    int forgetBefore(Instant before) {
        jdbc.sql("DELETE FROM carrier_job_run_requests WHERE taken_at < :before")
                .param("before", Timestamp.from(before))
                .update();
        return jdbc.sql("DELETE FROM carrier_poll_runs WHERE started_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
