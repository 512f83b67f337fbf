package dev.silkway.storefront.payment.stripe;

import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.retry.Backoff;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.payments.stripe.*}: where the API is ({@code https://api.stripe.com} in production, the sandbox's
 * {@code /stripe} locally), the secret key and the webhook endpoint's signing secret (from the environment:
 * SILKWAY_PAYMENTS_STRIPE_SECRET_KEY, SILKWAY_PAYMENTS_STRIPE_WEBHOOK_SECRET), the API version every request pins
 * ({@code Stripe-Version}: 2020-08-27, the last in which a Checkout Session creates its PaymentIntent at once, so
 * that the payment is tracked by it from the start), the signature tolerance (Stripe's 300 s), and the bounds of
 * every call: an answer of at most {@code max-answer-size} within {@code deadline}, {@code requests-per-second}
 * (Stripe allows 100 live, 25 in test mode), {@code retry} attempts within {@code retry-budget}, and at most
 * {@code max-pages} pages of {@code page-size} when listing.
 */
@ConfigurationProperties("silkway.payments.stripe")
record StripeProperties(
        URI baseUrl,
        String secretKey,
        String webhookSecret,
        @DefaultValue("2020-08-27") String apiVersion,
        @DefaultValue("300s") Duration signatureTolerance,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("1MB") DataSize maxAnswerSize,
        @DefaultValue("20") double requestsPerSecond,
        @DefaultValue("100") int pageSize,
        @DefaultValue("100") int maxPages,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("300ms") Duration retryFirstWait,
        @DefaultValue("20s") Duration retryBudget) {

    StripeProperties {
        if (baseUrl == null || secretKey == null || !secretKey.startsWith("sk_")) {
            throw new IllegalArgumentException(
                    "silkway.payments.stripe: base-url and a secret-key (sk_...) must be set");
        }
        if (webhookSecret == null || !webhookSecret.startsWith("whsec_")) {
            throw new IllegalArgumentException("silkway.payments.stripe.webhook-secret must be set (whsec_...)");
        }
        if (signatureTolerance.isNegative() || signatureTolerance.isZero() || pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException(
                    "silkway.payments.stripe: signature-tolerance positive, page-size 1..100");
        }
        if (!(requestsPerSecond > 0) || maxPages < 1 || retryAttempts < 1 || retryBudget.isNegative()) {
            throw new IllegalArgumentException(
                    "silkway.payments.stripe: rate, max-pages, retry-attempts and retry-budget must be positive");
        }
    }

    AnswerLimits answerLimits() {
        return new AnswerLimits(maxAnswerSize, deadline);
    }

    Backoff backoff() {
        return new Backoff(retryAttempts, retryFirstWait, retryFirstWait.multipliedBy(8), 2.0, 0.5);
    }

    /** {@code <base-url>/v1/<path>}. */
    URI uri(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/" + pathAndQuery);
    }
}
