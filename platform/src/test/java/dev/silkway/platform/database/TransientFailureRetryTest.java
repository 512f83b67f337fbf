package dev.silkway.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class TransientFailureRetryTest {

    private final List<Long> pauses = new ArrayList<>();
    private final TransientFailureRetry retry = new TransientFailureRetry(
            5, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30), pauses::add);

    @Test
    void retriesLostConnectionsReadOnlyAndSerializationFailuresUntilTheWriteSucceeds() {
        FailingWrite write = new FailingWrite(sql("08006"), sql("25006"), sql("40001"), sql("57P01"));

        assertThat(retry.run(write)).isEqualTo("written");
        assertThat(write.calls).hasValue(5);
        assertThat(pauses).hasSize(4).allSatisfy(pause -> assertThat(pause).isBetween(50L, 400L));
    }

    @Test
    void backsOffExponentiallyUpToTheLimit() {
        FailingWrite write = new FailingWrite(sql("08001"), sql("08001"), sql("08001"), sql("08001"));

        retry.run(write);

        assertThat(pauses.get(0)).isBetween(50L, 100L);
        assertThat(pauses.get(1)).isBetween(100L, 200L);
        assertThat(pauses.get(2)).isBetween(200L, 400L);
        assertThat(pauses.get(3)).isBetween(200L, 400L);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        FailingWrite write =
                new FailingWrite(sql("08006"), sql("08006"), sql("08006"), sql("08006"), sql("08006"), sql("08006"));

        assertThatThrownBy(() -> retry.run(write)).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(write.calls).hasValue(5);
    }

    @Test
    void givesUpWhenTheTimeBudgetIsSpent() {
        TransientFailureRetry impatient =
                new TransientFailureRetry(100, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO, pauses::add);
        FailingWrite write = new FailingWrite(sql("08006"), sql("08006"));

        assertThatThrownBy(() -> impatient.run(write)).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(write.calls).hasValue(1);
    }

    @Test
    void doesNotRetryAConstraintViolation() {
        FailingWrite write = new FailingWrite(
                new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505")));

        assertThatThrownBy(() -> retry.run(write)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(write.calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void recognisesAPoolTimeoutAsTransient() {
        assertThat(TransientFailureRetry.isTransient(new UncategorizedSQLException(
                        "getConnection", null, new SQLTransientConnectionException("pool timed out"))))
                .isTrue();
        assertThat(TransientFailureRetry.isTransient(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void runsTheWholeTransactionAgainAndCommitsOnce() {
        CountingTransactionManager manager = new CountingTransactionManager();
        RetryingTransactions transactions = new RetryingTransactions(new TransactionTemplate(manager), retry);
        FailingWrite write = new FailingWrite(sql("25006"), sql("40001"));

        String result = transactions.execute(status -> write.get());

        assertThat(result).isEqualTo("written");
        assertThat(manager.rollbacks).hasValue(2);
        assertThat(manager.commits).hasValue(1);
    }

    @Test
    void judgesAFailedRollbackByTheFailureThatCausedIt() {
        TransactionSystemException rollbackFailed = new TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed", "42000"));
        rollbackFailed.initApplicationException(sql("08006"));

        assertThat(TransientFailureRetry.isTransient(rollbackFailed)).isTrue();
    }

    @Test
    void treatsACommitOnAClosedConnectionAsTransient() {
        assertThat(TransientFailureRetry.isTransient(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
    }

    private static RuntimeException sql(String state) {
        return new DataAccessResourceFailureException("failed", new SQLException("SQLSTATE " + state, state));
    }

    /** A write that fails with the given exceptions, in order, then succeeds. */
    private static final class FailingWrite implements java.util.function.Supplier<String> {
        private final List<RuntimeException> failures;
        private final AtomicInteger calls = new AtomicInteger();

        FailingWrite(RuntimeException... failures) {
            this.failures = List.of(failures);
        }

        @Override
        public String get() {
            int call = calls.getAndIncrement();
            if (call < failures.size()) {
                throw failures.get(call);
            }
            return "written";
        }
    }

    private static final class CountingTransactionManager extends AbstractPlatformTransactionManager {
        private final AtomicInteger commits = new AtomicInteger();
        private final AtomicInteger rollbacks = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }
}
