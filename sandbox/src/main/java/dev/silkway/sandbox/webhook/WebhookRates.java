package dev.silkway.sandbox.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.sandbox.webhooks.*}: the {@link WebhookPolicy} of the Stripe and NOWPayments simulators' events
 * (YooKassa's is in its shop settings): each event duplicated, delayed by {@code delay-by} or held back behind the
 * next one at these rates, and retried {@code first-retry} later, doubling, up to {@code max-attempts} tries. The
 * tests' sandbox sets the rates to 0.
 */
@ConfigurationProperties("silkway.sandbox.webhooks")
public record WebhookRates(
        @DefaultValue("0") double duplicate,
        @DefaultValue("0") double delay,
        @DefaultValue("0") double reorder,
        @DefaultValue("2s") Duration delayBy,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("8") int maxAttempts) {

    public WebhookPolicy policy() {
        return new WebhookPolicy(duplicate, delay, reorder, delayBy, firstRetry, maxAttempts);
    }
}
