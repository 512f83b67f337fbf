package dev.silkway.platform.database;

import dev.silkway.platform.retry.Backoff;
import dev.silkway.platform.retry.Retry;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.transaction.TransactionSystemException;

/**
 * Runs an action again when it failed for a reason that a PostgreSQL failover or a busy database
 * makes transient: the connection was lost or refused (SQLSTATE class 08), the server was shut down
 * (57P01..57P03), the transaction landed on a node that is no longer the primary (25006
 * read-only transaction), or it lost a serialization race (40001, 40P01). Back-off is the platform's one
 * {@link Retry} (exponential with jitter), bounded by an attempt count and an overall time budget; anything else
 * fails at once.
 *
 * <p>A connection lost during COMMIT leaves the outcome unknown: the action must be idempotent
 * (client-generated ids, {@code INSERT ... ON CONFLICT DO NOTHING}, {@code WHERE NOT EXISTS}) so that
 * a second run of a write that did commit changes nothing.
 */
public final class TransientFailureRetry {

    private static final Set<String> TRANSIENT_STATES = Set.of(
            "25006", // read_only_sql_transaction: connected to a demoted primary or a replica
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: the server is starting or in recovery
            "53300"); // too_many_connections

    private final Retry retry;

    public TransientFailureRetry(int maxAttempts, Duration initialBackOff, Duration maxBackOff, Duration timeBudget) {
        this.retry = retry(maxAttempts, initialBackOff, maxBackOff).within(timeBudget);
    }

    TransientFailureRetry(
            int maxAttempts, Duration initialBackOff, Duration maxBackOff, Duration timeBudget, Sleeper sleeper) {
        this.retry = retry(maxAttempts, initialBackOff, maxBackOff)
                .within(timeBudget)
                .recordingWaits(
                        wait -> sleeper.sleep(wait.toMillis()),
                        java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    private static Retry retry(int maxAttempts, Duration initialBackOff, Duration maxBackOff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        return Retry.of(
                "database write",
                new Backoff(maxAttempts, initialBackOff, maxBackOff, 2.0, 0.5),
                TransientFailureRetry::isTransient);
    }

    /** Runs {@code action}, again after a transient failure, until it succeeds or the bounds are hit. */
    public <T> T run(Supplier<T> action) {
        return retry.call(action);
    }

    /** True when {@code failure} or one of its causes is a failure that a later attempt may not meet. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // COMMIT or ROLLBACK failed on a connection that is gone (the pool reports "Connection is
            // closed" without an SQLSTATE): a lost connection, whatever the first failure was.
            if (t instanceof TransactionSystemException ended
                    && (ended.getApplicationException() != null && isTransient(ended.getApplicationException())
                            || ended.getCause() instanceof SQLException sql
                                    && (sql.getSQLState() == null
                                            || sql.getSQLState().startsWith("08")))) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException) {
                return true; // the pool found no connection in time: the server may be switching
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The pause between attempts; a test replaces it to run without waiting. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis);
    }
}
