package dev.silkway.sandbox.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.webhooks.*}: how deliveries are retried and how often they misbehave (rates are
 * probabilities in 0..1; the tests' sandbox sets them to 0 and a test turns them on through
 * {@code PUT /sandbox/admin/webhooks}).
 */
@ConfigurationProperties("silkway.sandbox.webhooks")
public record WebhookProperties(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("5m") Duration maxRetry,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue WebhookRates rates) {

    public WebhookProperties {
        if (maxAttempts < 1 || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException(
                    "silkway.sandbox.webhooks: max-attempts >= 1, 0 <= first-retry <= max-retry");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("silkway.sandbox.webhooks.timeout must be positive");
        }
    }

    /**
     * {@code duplicate}: the event is delivered once more after it was accepted; {@code delay}: its first attempt
     * waits {@code delayBy}; {@code reorder}: it is held back {@code holdBy}, so that the events that follow it
     * within that time arrive first.
     */
    public record WebhookRates(
            @DefaultValue("0") double duplicate,
            @DefaultValue("0") double delay,
            @DefaultValue("0") double reorder,
            @DefaultValue("2s") Duration delayBy,
            @DefaultValue("1500ms") Duration holdBy) {

        public WebhookRates {
            for (double rate : new double[] {duplicate, delay, reorder}) {
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("webhook rates are probabilities in 0..1");
                }
            }
            if (delayBy.isNegative() || holdBy.isNegative()) {
                throw new IllegalArgumentException("webhook delays must not be negative");
            }
        }
    }
}
