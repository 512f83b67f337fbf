package dev.silkway.platform.retry;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Spring's {@link BackOff} for a {@link Backoff}: stops after {@code maxAttempts} or once the time budget is spent,
 * never waits past the budget. With an {@code observer} the waits are handed to it instead of being waited (tests).
 */
final class BoundedBackOff implements BackOff {

    private final Backoff backoff;
    private final @Nullable Duration budget;
    private final DoubleSupplier random;
    private final @Nullable Consumer<Duration> observer;

    BoundedBackOff(
            Backoff backoff, @Nullable Duration budget, DoubleSupplier random, @Nullable Consumer<Duration> observer) {
        this.backoff = backoff;
        this.budget = budget;
        this.random = random;
        this.observer = observer;
    }

    @Override
    public BackOffExecution start() {
        long started = System.nanoTime();
        return new BackOffExecution() {
            private int retries;

            @Override
            public long nextBackOff() {
                if (++retries >= backoff.maxAttempts()) {
                    return STOP;
                }
                long wait = backoff.wait(retries, random.getAsDouble()).toMillis();
                if (budget != null) {
                    long left = budget.toMillis() - (System.nanoTime() - started) / 1_000_000;
                    if (left <= 0) {
                        return STOP;
                    }
                    wait = Math.min(wait, left);
                }
                if (observer != null) {
                    observer.accept(Duration.ofMillis(wait));
                    return 0;
                }
                return wait;
            }
        };
    }
}
