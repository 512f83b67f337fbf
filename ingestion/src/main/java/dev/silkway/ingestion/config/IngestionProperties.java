package dev.silkway.ingestion.config;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code silkway.ingestion.*}: the raw-record topic, the normalize chunk's limits (records, and characters of raw
 * JSON: a chunk and the one read ahead of it stay within both), when a silent run counts as dead
 * (its instance crashed) and is resumed elsewhere, whether feeds are ingested at start, how many products a
 * normalize step must write before it vacuums the catalogue tables, the CBR rates URL, the
 * secret key for declarative feeds' credentials ({@code SILKWAY_FEED_SECRET_KEY}: 32 bytes, base64), the bounds of
 * answers, runs and records ({@link FeedBounds}), how long a shutdown waits for the runs executing here to stop at
 * a chunk or page boundary.
 */
@Validated
@ConfigurationProperties("silkway.ingestion")
public record IngestionProperties(
        @DefaultValue("silkway.raw-offers") String rawTopic,
        @DefaultValue("6") int rawTopicPartitions,
        @DefaultValue("1") short rawTopicReplicas,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("4000000") int chunkMaxChars,
        @DefaultValue("60s") Duration staleAfter,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("true") boolean ingestOnStartup,
        @DefaultValue("20000") long vacuumAfterWritten,

        @DefaultValue("http://127.0.0.1:8090/cbr/scripts/XML_daily.asp")
        URI exchangeRatesUrl,

        @Nullable String feedSecretKey,
        @DefaultValue FeedBounds bounds,
        @DefaultValue("45s") Duration runsStopTimeout) {

    public IngestionProperties {
        if (chunkSize < 1 || chunkSize > 50_000) {
            throw new IllegalArgumentException("silkway.ingestion.chunk-size must be 1..50000");
        }
        if (chunkMaxChars < 1) {
            throw new IllegalArgumentException("silkway.ingestion.chunk-max-chars must be positive");
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "silkway.ingestion.stale-after must be at least twice silkway.ingestion.heartbeat-interval");
        }
        if (vacuumAfterWritten < 1) {
            throw new IllegalArgumentException("silkway.ingestion.vacuum-after-written must be positive");
        }
        if (runsStopTimeout.isNegative()) {
            throw new IllegalArgumentException("silkway.ingestion.runs-stop-timeout must not be negative");
        }
        if (rawTopicPartitions < 1) {
            throw new IllegalArgumentException("silkway.ingestion.raw-topic-partitions must be positive");
        }
    }
}
