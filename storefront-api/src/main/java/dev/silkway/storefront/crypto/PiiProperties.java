package dev.silkway.storefront.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for personal data, from the environment only ({@code SILKWAY_PII_KEYS},
 * {@code SILKWAY_PII_ACTIVE_KEY}, {@code SILKWAY_BLIND_INDEX_KEY}).
 *
 * @param keys every key that may still be found in the database: {@code id:base64(32 bytes),...}
 * @param activeKey the id of the key new values are sealed with
 * @param blindIndexKey base64 of at least 32 bytes: the HMAC key of the blind indexes
 * @param rotationBatchSize rows per transaction of the key rotation command
 * @param acceptUnboundEnvelopes whether envelopes written before they were bound to their table, column and row
 *     still open ({@code SILKWAY_PII_ACCEPT_UNBOUND}); set it false once the rotation command has rebound them all
 */
@ConfigurationProperties("silkway.pii")
public record PiiProperties(
        @DefaultValue("") String keys,
        @DefaultValue("") String activeKey,
        @DefaultValue("") String blindIndexKey,
        @DefaultValue("500") int rotationBatchSize,
        @DefaultValue("true") boolean acceptUnboundEnvelopes) {

    @Override
    public String toString() {
        return "PiiProperties[activeKey=" + activeKey + ", keys and blind-index key hidden]";
    }
}
