package dev.silkway.tracking.poll;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The carrier jobs as the ops API set them (ingestion writes, the poller applies): each API's cron from
 * {@code carrier_job_settings}, and the runs asked for in {@code carrier_job_run_requests}. A request is taken by
 * one instance in one transaction: every open leg of the API due now, a poll run started, the request marked with
 * it.
 */
final class JobSettings {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final DueLegs due;
    private final PollRuns runs;
    private final Clock clock;

    JobSettings(JdbcClient jdbc, TransactionOperations transactions, DueLegs due, PollRuns runs, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.due = due;
        this.runs = runs;
        this.clock = clock;
    }

    /** The cron set for each API that has one; the others run at the configured interval. */
    Map<String, String> crons() {
        Map<String, String> crons = new HashMap<>();
        jdbc.sql("SELECT api, cron FROM carrier_job_settings")
                .query((rs, i) -> crons.put(rs.getString(1), rs.getString(2)))
                .list();
        return crons;
    }

    /** Takes the oldest open run request of one of {@code apis}, if any, and starts its run. */
    Optional<Run> takeRunRequest(Collection<String> apis) {
        if (apis.isEmpty()) {
            return Optional.empty();
        }
        return transactions.execute(status -> {
            List<Map.Entry<Long, String>> open = jdbc.sql("""
                    SELECT id, api FROM carrier_job_run_requests
                    WHERE taken_at IS NULL AND api IN (:apis)
                    ORDER BY id LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                    .param("apis", List.copyOf(apis))
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .list();
            if (open.isEmpty()) {
                return Optional.<Run>empty();
            }
            String api = open.getFirst().getValue();
            int legs = due.dueNow(api);
            long run = runs.start(api, clock.instant());
            jdbc.sql("UPDATE carrier_job_run_requests SET taken_at = now(), poll_run_id = :run WHERE id = :id")
                    .param("run", run)
                    .param("id", open.getFirst().getKey())
                    .update();
            return Optional.of(new Run(api, run, legs));
        });
    }

    /** A requested run taken: its API, its carrier_poll_runs row, the legs it made due. */
    record Run(String api, long id, int legsMadeDue) {}
}
