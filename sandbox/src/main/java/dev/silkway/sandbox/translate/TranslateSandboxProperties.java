package dev.silkway.sandbox.translate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.translate.*}: the SANDBOX-ONLY API key and folder the translator accepts, and the limits of
 * the real service it enforces (Yandex Cloud Translate: 10,000 characters per request, 20 requests per second ⚠,
 * 50 glossary pairs ⚠).
 */
@ConfigurationProperties("silkway.sandbox.translate")
record TranslateSandboxProperties(
        @DefaultValue("sandbox-translate-key") String apiKey,
        @DefaultValue("sandbox-folder") String folderId,
        @DefaultValue("20") double requestsPerSecond,
        @DefaultValue("10000") int maxCharactersPerRequest,
        @DefaultValue("50") int maxGlossaryPairs) {

    TranslateSandboxProperties {
        if (apiKey.isBlank() || folderId.isBlank()) {
            throw new IllegalArgumentException("silkway.sandbox.translate: api-key and folder-id must be set");
        }
        if (!(requestsPerSecond > 0) || maxCharactersPerRequest < 1 || maxGlossaryPairs < 0) {
            throw new IllegalArgumentException("silkway.sandbox.translate: limits must be positive");
        }
    }
}
