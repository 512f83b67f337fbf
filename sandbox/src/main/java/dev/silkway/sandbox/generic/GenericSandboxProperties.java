package dev.silkway.sandbox.generic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.generic.*}: the API key the generic catalogue expects in {@code X-Api-Key} (SANDBOX-ONLY),
 * and the largest page it serves.
 */
@ConfigurationProperties("silkway.sandbox.generic")
record GenericSandboxProperties(
        @DefaultValue("sandbox-generic-key") String apiKey,
        @DefaultValue("100") int maxPageSize) {

    GenericSandboxProperties {
        if (apiKey.isBlank() || maxPageSize < 1) {
            throw new IllegalArgumentException("silkway.sandbox.generic: api-key must be set, max-page-size positive");
        }
    }
}
