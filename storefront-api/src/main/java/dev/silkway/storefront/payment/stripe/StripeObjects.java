package dev.silkway.storefront.payment.stripe;

import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.ProviderPayment;
import dev.silkway.storefront.payment.ProviderRefund;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's objects read as ours. A PaymentIntent: succeeded → SUCCEEDED; requires_capture → WAITING_FOR_CAPTURE;
 * canceled → EXPIRED when Checkout abandoned it (its session expired), CANCELLED otherwise;
 * requires_payment_method → FAILED once a payment was declined ({@code last_payment_error}), PENDING before;
 * processing and the other requires_* → PENDING. A Checkout Session stands for its PaymentIntent: complete and paid
 * → SUCCEEDED, expired → EXPIRED, open → PENDING. A refund: pending and requires_action → PENDING.
 */
final class StripeObjects {

    private StripeObjects() {}

    static ProviderPayment intent(JsonNode pi) {
        String status = pi.path("status").asString("");
        ProviderPayment.Status ours = switch (status) {
            case "succeeded" -> ProviderPayment.Status.SUCCEEDED;
            case "requires_capture" -> ProviderPayment.Status.WAITING_FOR_CAPTURE;
            case "canceled" ->
                "abandoned".equals(text(pi, "cancellation_reason"))
                        ? ProviderPayment.Status.EXPIRED
                        : ProviderPayment.Status.CANCELLED;
            case "requires_payment_method" ->
                pi.path("last_payment_error").isObject()
                        ? ProviderPayment.Status.FAILED
                        : ProviderPayment.Status.PENDING;
            default -> ProviderPayment.Status.PENDING;
        };
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "latest_charge", text(pi, "latest_charge"));
        put(details, "decline_code", text(pi.path("last_payment_error"), "decline_code"));
        put(details, "failure_code", text(pi.path("last_payment_error"), "code"));
        put(details, "payment_id", text(pi.path("metadata"), "payment_id"));
        return new ProviderPayment(
                PaymentProvider.STRIPE,
                pi.path("id").asString(),
                ours,
                status,
                pi.path("amount").asLong(),
                StripeAmounts.fromStripe(pi.path("currency").asString("")),
                pi.path("amount_received").asLong(),
                null,
                null,
                text(pi.path("metadata"), "order_id"),
                details);
    }

    /** A Checkout Session as its PaymentIntent's payment, with the hosted page and when it expires. */
    static ProviderPayment session(JsonNode cs) {
        String status = cs.path("status").asString("");
        boolean paid = "paid".equals(text(cs, "payment_status"));
        ProviderPayment.Status ours = switch (status) {
            case "complete" -> paid ? ProviderPayment.Status.SUCCEEDED : ProviderPayment.Status.PENDING;
            case "expired" -> ProviderPayment.Status.EXPIRED;
            default -> ProviderPayment.Status.PENDING;
        };
        long amount = cs.path("amount_total").asLong();
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "checkout_session", text(cs, "id"));
        put(details, "payment_id", text(cs.path("metadata"), "payment_id"));
        return new ProviderPayment(
                PaymentProvider.STRIPE,
                cs.path("payment_intent").asString(""),
                ours,
                "checkout.session " + status,
                amount,
                StripeAmounts.fromStripe(cs.path("currency").asString("")),
                ours == ProviderPayment.Status.SUCCEEDED ? amount : 0,
                text(cs, "url"),
                cs.path("expires_at").isNumber()
                        ? Instant.ofEpochSecond(cs.path("expires_at").asLong())
                        : null,
                text(cs, "client_reference_id"),
                details);
    }

    static ProviderRefund refund(JsonNode re) {
        String status = re.path("status").asString("");
        ProviderRefund.Status ours = switch (status) {
            case "succeeded" -> ProviderRefund.Status.SUCCEEDED;
            case "failed" -> ProviderRefund.Status.FAILED;
            case "canceled" -> ProviderRefund.Status.CANCELLED;
            default -> ProviderRefund.Status.PENDING;
        };
        return new ProviderRefund(
                PaymentProvider.STRIPE,
                re.path("id").asString(),
                re.path("payment_intent").asString(""),
                ours,
                status,
                re.path("amount").asLong(),
                StripeAmounts.fromStripe(re.path("currency").asString("")));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static void put(Map<String, String> details, String key, @Nullable String value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
