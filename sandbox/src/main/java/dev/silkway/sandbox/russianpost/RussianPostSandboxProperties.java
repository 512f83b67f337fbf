package dev.silkway.sandbox.russianpost;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.russian-post.*}: the SANDBOX-ONLY login and password the simulator accepts, and the pace
 * above which it answers 429 (5 requests per second per login ⚠: Russian Post publishes no per-second figure).
 */
@ConfigurationProperties("silkway.sandbox.russian-post")
record RussianPostSandboxProperties(
        @DefaultValue("sandbox-rp-login") String login,
        @DefaultValue("sandbox-rp-password") String password,
        @DefaultValue("5") double requestsPerSecond) {

    RussianPostSandboxProperties {
        if (login.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("silkway.sandbox.russian-post: login and password must be set");
        }
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("silkway.sandbox.russian-post.requests-per-second must be positive");
        }
    }
}
