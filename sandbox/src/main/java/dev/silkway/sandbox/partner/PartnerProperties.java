package dev.silkway.sandbox.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.partner.*}: the partner's SANDBOX-ONLY credentials, how often a line cannot be bought, how
 * long each step takes in simulated time, and how its callbacks misbehave (every rate a probability in 0..1).
 */
@ConfigurationProperties("silkway.sandbox.partner")
record PartnerProperties(
        @DefaultValue("sandbox-partner-key") String appKey,
        @DefaultValue("sandbox-partner-secret") String appSecret,
        @DefaultValue("300s") Duration replayWindow,
        @DefaultValue("20") double rateLimitPerSecond,
        @DefaultValue("0.03") double outOfStockRate,
        @DefaultValue("0.02") double priceChangedRate,
        @DefaultValue Steps steps,
        @DefaultValue Callbacks callbacks) {

    PartnerProperties {
        for (double rate : new double[] {outOfStockRate, priceChangedRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("silkway.sandbox.partner rates are probabilities in 0..1");
            }
        }
        if (!(rateLimitPerSecond > 0)) {
            throw new IllegalArgumentException("silkway.sandbox.partner.rate-limit-per-second must be positive");
        }
    }

    /** Simulated durations from the request to each callback. */
    record Steps(
            @DefaultValue("4h") Duration purchase,
            @DefaultValue("3d") Duration arrival,
            @DefaultValue("1d") Duration consolidation,
            @DefaultValue("1d") Duration handOver) {}

    /**
     * Callback delivery: attempts and the first back-off (real time, doubled per attempt); the shares duplicated and
     * held back (delivered after the next step's callback).
     */
    record Callbacks(
            @DefaultValue("8") int attempts,
            @DefaultValue("500ms") Duration firstBackoff,
            @DefaultValue("0.02") double duplicateRate,
            @DefaultValue("0.02") double reorderRate) {

        Callbacks {
            if (attempts < 1 || duplicateRate < 0 || duplicateRate > 1 || reorderRate < 0 || reorderRate > 1) {
                throw new IllegalArgumentException("callbacks: attempts >= 1, rates in 0..1");
            }
        }
    }
}
