package dev.silkway.ingestion.marketplace.common;

import dev.silkway.platform.pacing.Sleeper;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a call, retrying {@link MarketplaceException#retryable() retryable} failures per the {@link RetryPolicy}. */
public final class Retrier {

    private static final Logger log = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public Retrier(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    public static Retrier create(RetryPolicy policy) {
        return new Retrier(
                policy, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    public <T> T call(Supplier<T> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (MarketplaceException e) {
                if (!e.retryable() || tries >= policy.maxAttempts()) {
                    throw e;
                }
                var wait = policy.backoff(tries, random.getAsDouble());
                log.warn(
                        "{} attempt {}/{} failed ({}), retrying in {} ms",
                        e.marketplace().code(),
                        tries,
                        policy.maxAttempts(),
                        e.platformCode(),
                        wait.toMillis());
                sleeper.sleep(wait);
            }
        }
    }
}
