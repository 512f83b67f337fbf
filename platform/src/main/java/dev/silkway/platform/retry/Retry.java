package dev.silkway.platform.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;

/**
 * Runs an action again after a failure that {@code retryable} accepts, waiting per the {@link Backoff}, within an
 * optional time budget; anything else, or the last failure, is thrown as it is. Built on Spring's
 * {@link RetryTemplate}: this is the one retry mechanism of the project.
 */
public final class Retry {

    private static final Logger log = LoggerFactory.getLogger(Retry.class);

    private final String name;
    private final Backoff backoff;
    private final Predicate<Throwable> retryable;
    private final @Nullable Duration budget;
    private final DoubleSupplier random;
    private final @Nullable Consumer<Duration> observer;
    private final RetryTemplate template;

    private Retry(
            String name,
            Backoff backoff,
            Predicate<Throwable> retryable,
            @Nullable Duration budget,
            DoubleSupplier random,
            @Nullable Consumer<Duration> observer) {
        this.name = name;
        this.backoff = backoff;
        this.retryable = retryable;
        this.budget = budget;
        this.random = random;
        this.observer = observer;
        BackOff backOff = new BoundedBackOff(backoff, budget, random, observer);
        this.template = new RetryTemplate(new RetryPolicy() {
            @Override
            public boolean shouldRetry(Throwable failure) {
                return retryable.test(failure);
            }

            @Override
            public BackOff getBackOff() {
                return backOff;
            }
        });
    }

    /** Retries what {@code retryable} accepts, at most {@code backoff.maxAttempts()} attempts in all. */
    public static Retry of(String name, Backoff backoff, Predicate<Throwable> retryable) {
        return new Retry(
                name,
                backoff,
                retryable,
                null,
                () -> ThreadLocalRandom.current().nextDouble(),
                null);
    }

    /** The same retry, ending once {@code budget} has passed since the first attempt. */
    public Retry within(Duration budget) {
        return new Retry(name, backoff, retryable, budget, random, observer);
    }

    /** The same retry handing each wait to {@code observer} instead of waiting, with a fixed random draw (tests). */
    public Retry recordingWaits(Consumer<Duration> observer, double unit) {
        return new Retry(name, backoff, retryable, budget, () -> unit, observer);
    }

    /** Runs {@code action} until it succeeds or a failure is not retried; throws the last failure. */
    public <T> T call(Supplier<T> action) {
        AtomicInteger attempts = new AtomicInteger();
        return template.invoke(() -> {
            int attempt = attempts.incrementAndGet();
            try {
                return action.get();
            } catch (RuntimeException failure) {
                if (attempt < backoff.maxAttempts() && retryable.test(failure)) {
                    log.warn("{}: attempt {}/{} failed ({})", name, attempt, backoff.maxAttempts(), failure.toString());
                }
                throw failure;
            }
        });
    }

    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
