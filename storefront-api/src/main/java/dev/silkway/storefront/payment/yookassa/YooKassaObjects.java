package dev.silkway.storefront.payment.yookassa;

import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderUnavailable;
import dev.silkway.storefront.payment.ProviderPayment;
import dev.silkway.storefront.payment.ProviderRefund;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** YooKassa's payment and refund objects read into the contract's; statuses mapped to ours. */
final class YooKassaObjects {

    private YooKassaObjects() {}

    static ProviderPayment payment(JsonNode node) {
        String id = node.path("id").asString("");
        String status = node.path("status").asString("");
        if (id.isBlank() || status.isBlank()) {
            throw PaymentProviderUnavailable.of(PaymentProvider.YOOKASSA, "a payment without id or status", null);
        }
        long amount = amount(node.path("amount"));
        ProviderPayment.Status ours =
                status(status, node.path("cancellation_details").path("reason").asString(""));
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode cancellation = node.path("cancellation_details");
        if (cancellation.isObject()) {
            details.put("cancellationParty", cancellation.path("party").asString(""));
            details.put("cancellationReason", cancellation.path("reason").asString(""));
        }
        details.put(
                "refunded",
                YooKassaAmounts.format(
                        node.path("refunded_amount").isObject() ? amount(node.path("refunded_amount")) : 0));
        String metadataOrder = node.path("metadata").path("order_id").asString(null);
        return new ProviderPayment(
                PaymentProvider.YOOKASSA,
                id,
                ours,
                status,
                amount,
                node.path("amount").path("currency").asString(""),
                ours == ProviderPayment.Status.SUCCEEDED || ours == ProviderPayment.Status.WAITING_FOR_CAPTURE
                        ? amount
                        : 0,
                node.path("confirmation").path("confirmation_url").asString(null),
                instant(node.path("expires_at").asString(null)),
                metadataOrder,
                details);
    }

    static ProviderRefund refund(JsonNode node) {
        String id = node.path("id").asString("");
        String status = node.path("status").asString("");
        if (id.isBlank() || status.isBlank()) {
            throw PaymentProviderUnavailable.of(PaymentProvider.YOOKASSA, "a refund without id or status", null);
        }
        return new ProviderRefund(
                PaymentProvider.YOOKASSA,
                id,
                node.path("payment_id").asString(""),
                switch (status) {
                    case "succeeded" -> ProviderRefund.Status.SUCCEEDED;
                    case "canceled" -> ProviderRefund.Status.CANCELLED;
                    default -> ProviderRefund.Status.PENDING;
                },
                status,
                amount(node.path("amount")),
                node.path("amount").path("currency").asString(""));
    }

    static ProviderPayment.Status status(String status, String cancellationReason) {
        return switch (status) {
            case "pending" -> ProviderPayment.Status.PENDING;
            case "waiting_for_capture" -> ProviderPayment.Status.WAITING_FOR_CAPTURE;
            case "succeeded" -> ProviderPayment.Status.SUCCEEDED;
            case "canceled" ->
                cancellationReason.startsWith("expired")
                        ? ProviderPayment.Status.EXPIRED
                        : ProviderPayment.Status.CANCELLED;
            default -> ProviderPayment.Status.FAILED;
        };
    }

    private static long amount(JsonNode amount) {
        try {
            return YooKassaAmounts.parse(amount.path("value").asString(""));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw PaymentProviderUnavailable.of(PaymentProvider.YOOKASSA, "an amount that is not one", e);
        }
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
