package dev.silkway.sandbox.yookassa;

import dev.silkway.sandbox.webhook.WebhookPolicy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What the simulated shop is set to now: where notifications go (YooKassa's shop settings) and how the
 * simulator misbehaves. Starts from {@link YooKassaSandboxProperties}, replaced at runtime through
 * {@code PUT /yookassa/sandbox/settings} (tests turn faults on and off there).
 */
@Component
@EnableConfigurationProperties(YooKassaSandboxProperties.class)
class YooKassaSettings {

    record Settings(
            @Nullable String webhookUrl,
            double serverErrorRate,
            double rateLimitRate,
            double duplicateRate,
            double delayRate,
            double reorderRate,
            Duration delay) {

        Settings {
            for (double rate : new double[] {serverErrorRate, rateLimitRate, duplicateRate, delayRate, reorderRate}) {
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("rates must be within 0..1");
                }
            }
            if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("delay must be within 0..10 minutes");
            }
        }

        WebhookPolicy policy() {
            WebhookPolicy base = WebhookPolicy.wellBehaved();
            return new WebhookPolicy(
                    duplicateRate, delayRate, reorderRate, delay, base.firstRetry(), base.maxAttempts());
        }
    }

    private final AtomicReference<Settings> current;

    YooKassaSettings(YooKassaSandboxProperties properties) {
        this.current = new AtomicReference<>(new Settings(
                properties.webhookUrl() == null || properties.webhookUrl().isBlank() ? null : properties.webhookUrl(),
                properties.serverErrorRate(),
                properties.rateLimitRate(),
                properties.duplicateRate(),
                properties.delayRate(),
                properties.reorderRate(),
                properties.delay()));
    }

    Settings current() {
        return current.get();
    }

    void replace(Settings settings) {
        current.set(settings);
    }
}
