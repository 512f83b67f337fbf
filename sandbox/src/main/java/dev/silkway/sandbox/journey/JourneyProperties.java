package dev.silkway.sandbox.journey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.time-factor} and {@code silkway.sandbox.journey-capacity}: how many times faster than real
 * time a journey runs (3000: a simulated day in about 29 s, an EXPRESS journey in about 3 minutes, AIR in about 5,
 * SEA in about 20), and how many journeys the sandbox keeps (the oldest are forgotten past it).
 */
@ConfigurationProperties("silkway.sandbox")
record JourneyProperties(
        @DefaultValue("3000") double timeFactor,
        @DefaultValue("250000") int journeyCapacity) {

    JourneyProperties {
        if (!(timeFactor >= 1) || timeFactor > 100_000_000) {
            throw new IllegalArgumentException("silkway.sandbox.time-factor must be 1..100,000,000");
        }
        if (journeyCapacity < 1 || journeyCapacity > 2_000_000) {
            throw new IllegalArgumentException("silkway.sandbox.journey-capacity must be 1..2,000,000");
        }
    }
}
