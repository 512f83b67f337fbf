package dev.silkway.ingestion.generic;

import dev.silkway.platform.config.LocalSecretsPostProcessor;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Ingestion's local-stack secret ({@link LocalSecretsPostProcessor}): the key that seals declared feeds' credentials,
 * as a key ring of one ({@code local1}), in {@code ingestion-secrets.properties}; {@code SILKWAY_FEED_SECRET_KEYS}
 * and {@code SILKWAY_FEED_SECRET_KEY} take precedence.
 */
class LocalFeedSecrets extends LocalSecretsPostProcessor {

    @Override
    protected String fileName() {
        return "ingestion-secrets.properties";
    }

    @Override
    protected Properties generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Properties p = new Properties();
        p.setProperty(
                "silkway.local-secrets.feed-secret-keys",
                "local1:" + Base64.getEncoder().encodeToString(key));
        p.setProperty("silkway.local-secrets.feed-secret-active-key", "local1");
        return p;
    }
}
