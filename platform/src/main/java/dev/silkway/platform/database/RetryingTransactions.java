package dev.silkway.platform.database;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that is run again, as a whole, after a transient failure (see {@link
 * TransientFailureRetry}): the write paths use it so that a failover makes a request slower, not
 * failed. The callback must be idempotent.
 */
public final class RetryingTransactions {

    private final TransactionTemplate transactions;
    private final TransientFailureRetry retry;

    public RetryingTransactions(TransactionTemplate transactions, TransientFailureRetry retry) {
        this.transactions = transactions;
        this.retry = retry;
    }

    /** Runs {@code callback} in a new transaction, retried after transient failures. */
    public <T> T execute(TransactionCallback<T> callback) {
        return retry.run(() -> transactions.execute(callback));
    }

    /** Like {@link #execute} for a callback without result. */
    public void run(Runnable callback) {
        retry.run(() -> {
            transactions.executeWithoutResult(status -> callback.run());
            return null;
        });
    }
}
