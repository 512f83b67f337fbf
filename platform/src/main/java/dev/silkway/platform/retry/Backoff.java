package dev.silkway.platform.retry;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exponential back-off with jitter: the n-th retry waits {@code min(maxBackoff, initialBackoff × multiplier^(n-1))}
 * scaled by a random factor in {@code [1 - jitter, 1]}. {@code maxAttempts} counts the first try. Bindable as a
 * nested {@code retry} block of any properties record.
 */
public record Backoff(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("0.5") double jitter) {

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry.max-attempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry.initial-backoff must be >= 0 and <= retry.max-backoff");
        }
        if (multiplier < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("retry.multiplier must be >= 1 and retry.jitter within 0..1");
        }
    }

    public static Backoff defaults() {
        return new Backoff(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5);
    }

    /** The wait before retry number {@code retry} (1-based), given a uniform random {@code unit} in [0, 1). */
    public Duration wait(int retry, double unit) {
        double base =
                Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1)));
        return Duration.ofNanos(Math.round(base * (1 - jitter * unit)));
    }
}
