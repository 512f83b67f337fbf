package dev.silkway.sandbox.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.stripe.*}: the SANDBOX-ONLY secret key the API accepts, the endpoint its events go to at
 * start (with its signing secret; {@code webhook-url} empty: none until one is created through
 * {@code POST /stripe/v1/webhook_endpoints}), the rate limit (Stripe: 25 requests per second in test mode) and how
 * long a refund stays pending.
 */
@ConfigurationProperties("silkway.sandbox.stripe")
record StripeSandboxProperties(
        @DefaultValue("sk_test_sandbox_silkway") String secretKey,
        @DefaultValue("") String webhookUrl,
        @DefaultValue("whsec_sandbox_silkway") String webhookSecret,
        @DefaultValue("25") double requestsPerSecond,
        @DefaultValue("500ms") Duration refundSettlesAfter) {

    StripeSandboxProperties {
        if (!secretKey.startsWith("sk_") || !webhookSecret.startsWith("whsec_")) {
            throw new IllegalArgumentException("silkway.sandbox.stripe: keys are sk_... and whsec_...");
        }
        if (!(requestsPerSecond > 0) || refundSettlesAfter.isNegative()) {
            throw new IllegalArgumentException("silkway.sandbox.stripe: rate must be positive, delay not negative");
        }
    }
}
