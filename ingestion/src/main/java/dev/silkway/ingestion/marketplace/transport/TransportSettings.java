package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.retry.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a connector talks HTTP ({@code silkway.marketplaces.<code>.transport.*}, the same block for every
 * marketplace): the connect timeout, the whole-answer timeout and size cap, its own rate limit, its retry, and the
 * bounds of one run (pages and records) past which the run fails instead of going on.
 */
public record TransportSettings(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration answerTimeout,
        @DefaultValue("16MB") DataSize maxAnswerSize,
        @DefaultValue("10") double rateLimitPerSecond,
        @DefaultValue("1") int rateLimitBurst,
        @DefaultValue Backoff retry,
        @DefaultValue("100000") int maxPages,
        @DefaultValue("10000000") long maxRecords) {

    public TransportSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("transport.connect-timeout must be positive");
        }
        if (!(rateLimitPerSecond > 0) || rateLimitBurst < 1) {
            throw new IllegalArgumentException(
                    "transport.rate-limit-per-second must be > 0 and transport.rate-limit-burst >= 1");
        }
        if (maxPages < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("transport.max-pages and transport.max-records must be positive");
        }
        new AnswerLimits(maxAnswerSize, answerTimeout); // validates both
    }

    public static TransportSettings defaults() {
        return new TransportSettings(
                Duration.ofSeconds(5),
                AnswerLimits.DEFAULTS.timeout(),
                AnswerLimits.DEFAULTS.maxSize(),
                10,
                1,
                Backoff.defaults(),
                100_000,
                10_000_000);
    }

    public AnswerLimits answerLimits() {
        return new AnswerLimits(maxAnswerSize, answerTimeout);
    }
}
