package dev.silkway.ingestion.generic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.ingestion.feed-secrets.*}: the key ring that seals declared feeds' credentials, like the PII keys:
 * {@code keys} ({@code SILKWAY_FEED_SECRET_KEYS}, {@code id:base64-of-32-bytes,...}) and {@code active-key}
 * ({@code SILKWAY_FEED_SECRET_ACTIVE_KEY}, the id new credentials are sealed with; the first key when unset);
 * {@code rotation-batch-size} rows per transaction of {@code --silkway.rotate-feed-keys}. The single
 * {@code SILKWAY_FEED_SECRET_KEY} of earlier versions is still read, as a key whose id is its fingerprint.
 */
@ConfigurationProperties("silkway.ingestion.feed-secrets")
record FeedSecretProperties(
        @DefaultValue("") String keys,
        @DefaultValue("") String activeKey,
        @DefaultValue("100") int rotationBatchSize) {}
