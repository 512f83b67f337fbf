package dev.silkway.sandbox.webhook;

import java.time.Duration;

/**
 * How a provider's webhooks misbehave and are retried. Rates are probabilities per delivery: sent twice
 * ({@code duplicateRate}), held back for {@code delay} ({@code delayRate}), or held back until after the
 * next one so that the two arrive reversed ({@code reorderRate}). A delivery the receiver does not answer
 * with 2xx is tried again after {@code firstRetry}, doubling, at most {@code maxAttempts} tries in all.
 */
public record WebhookPolicy(
        double duplicateRate,
        double delayRate,
        double reorderRate,
        Duration delay,
        Duration firstRetry,
        int maxAttempts) {

    public WebhookPolicy {
        for (double rate : new double[] {duplicateRate, delayRate, reorderRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("webhook rates must be within 0..1");
            }
        }
        if (delay.isNegative() || firstRetry.isNegative() || maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("webhook delay and retry must be >= 0, max-attempts 1..20");
        }
    }

    /** Every delivery once, in order, retried quickly: what tests start from. */
    public static WebhookPolicy wellBehaved() {
        return new WebhookPolicy(0, 0, 0, Duration.ofSeconds(2), Duration.ofMillis(200), 5);
    }
}
