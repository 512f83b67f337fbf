package dev.silkway.ingestion.marketplace.common;

import java.time.Duration;

/** How a connector talks HTTP: timeouts, its own rate limit, and its retry policy. */
public record TransportSettings(
        Duration connectTimeout,
        Duration readTimeout,
        double rateLimitPerSecond,
        int rateLimitBurst,
        RetryPolicy retry) {

    public TransportSettings {
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("connect-timeout and read-timeout must be positive");
        }
        if (!(rateLimitPerSecond > 0) || rateLimitBurst < 1) {
            throw new IllegalArgumentException("rate-limit-per-second must be > 0 and rate-limit-burst >= 1");
        }
    }
}
