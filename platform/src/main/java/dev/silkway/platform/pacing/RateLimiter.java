package dev.silkway.platform.pacing;

import java.time.Duration;

/**
 * A blocking token bucket of {@code burst} tokens refilled at {@code permitsPerSecond}, implemented as the generic
 * cell rate algorithm: each caller reserves its grant time under a lock, then waits outside it. Whatever the number
 * of threads, no window of length T ever sees more than {@code burst + T × permitsPerSecond} grants.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final long toleranceNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private long theoreticalArrival;

    public RateLimiter(double permitsPerSecond, int burst, Ticker ticker, Sleeper sleeper) {
        if (!(permitsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / permitsPerSecond));
        this.toleranceNanos = (burst - 1) * intervalNanos;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.theoreticalArrival = ticker.nanos();
    }

    public static RateLimiter create(double permitsPerSecond, int burst) {
        return new RateLimiter(permitsPerSecond, burst, Ticker.SYSTEM, Sleeper.SYSTEM);
    }

    /** Blocks until a permit is granted. */
    public void acquire() {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /** Reserves the next permit and returns how many nanoseconds to wait for it. */
    long reserve() {
        synchronized (this) {
            long now = ticker.nanos();
            long grant = Math.max(now, theoreticalArrival - toleranceNanos);
            theoreticalArrival = Math.max(theoreticalArrival, grant) + intervalNanos;
            return grant - now;
        }
    }
}
