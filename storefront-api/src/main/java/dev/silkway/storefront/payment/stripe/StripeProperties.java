package dev.silkway.storefront.payment.stripe;

import dev.silkway.storefront.payment.http.ProviderBounds;
import dev.silkway.storefront.payment.http.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.payments.stripe.*}: where the API is ({@code https://api.stripe.com} in production, the sandbox's
 * {@code /stripe} locally), the secret key and the webhook endpoint's signing secret (from the environment:
 * SILKWAY_PAYMENTS_STRIPE_SECRET_KEY, SILKWAY_PAYMENTS_STRIPE_WEBHOOK_SECRET), the API version every request pins
 * ({@code Stripe-Version}: 2020-08-27, the last in which a Checkout Session creates its PaymentIntent at once, so
 * that the payment is tracked by it from the start), the signature tolerance (Stripe's 300 s), and the bounds of
 * every call ({@link ProviderBounds}; Stripe allows 100 requests per second live, 25 in test mode, and pages of at
 * most 100).
 */
@ConfigurationProperties("silkway.payments.stripe")
record StripeProperties(
        URI baseUrl,
        String secretKey,
        String webhookSecret,
        @DefaultValue("2020-08-27") String apiVersion,
        @DefaultValue("300s") Duration signatureTolerance,
        @DefaultValue ProviderBounds bounds) {

    StripeProperties {
        if (baseUrl == null || secretKey == null || !secretKey.startsWith("sk_")) {
            throw new IllegalArgumentException(
                    "silkway.payments.stripe: base-url and a secret-key (sk_...) must be set");
        }
        if (webhookSecret == null || !webhookSecret.startsWith("whsec_")) {
            throw new IllegalArgumentException("silkway.payments.stripe.webhook-secret must be set (whsec_...)");
        }
        if (signatureTolerance.isNegative() || signatureTolerance.isZero() || bounds.pageSize() > 100) {
            throw new IllegalArgumentException(
                    "silkway.payments.stripe: signature-tolerance positive, bounds.page-size at most 100");
        }
    }

    /** {@code <base-url>/v1/<path>}. */
    URI uri(String pathAndQuery) {
        return ProviderHttp.under(baseUrl, "v1/" + pathAndQuery);
    }
}
