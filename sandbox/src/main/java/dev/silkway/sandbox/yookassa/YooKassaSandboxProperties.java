package dev.silkway.sandbox.yookassa;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.yookassa.*}: the SANDBOX-ONLY shop id and secret key it accepts; where its
 * notifications go (none when unset; changed at runtime through {@code /yookassa/sandbox/settings}); the
 * browser-facing base URL of its confirmation page (the request's own when unset); how long a pending
 * payment lives; how long a refund stays pending; and the rates of its misbehaviour (all 0 unless set).
 */
@ConfigurationProperties("silkway.sandbox.yookassa")
record YooKassaSandboxProperties(
        @DefaultValue("sandbox-shop") String shopId,
        @DefaultValue("sandbox-yookassa-secret") String secretKey,
        @Nullable String webhookUrl,
        @Nullable String publicUrl,
        @DefaultValue("1h") Duration paymentTtl,
        @DefaultValue("200ms") Duration refundDelay,
        @DefaultValue("0") double serverErrorRate,
        @DefaultValue("0") double rateLimitRate,
        @DefaultValue("0") double duplicateRate,
        @DefaultValue("0") double delayRate,
        @DefaultValue("0") double reorderRate,
        @DefaultValue("2s") Duration delay) {

    YooKassaSandboxProperties {
        if (shopId.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("silkway.sandbox.yookassa: shop-id and secret-key must be set");
        }
    }
}
