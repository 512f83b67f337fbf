package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.ProviderPayment;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * NOWPayments' payments read as ours, by the invoice they pay (the provider payment id is the invoice id, which
 * exists from the start; a payment id appears only once the shopper sends coins). Statuses: waiting, confirming,
 * confirmed and sending → PENDING (coins seen, not yet final); partially_paid → PARTIALLY_PAID; finished →
 * SUCCEEDED (also when overpaid: paidMinor then exceeds amountMinor); failed → FAILED; expired → EXPIRED;
 * refunded → CANCELLED (the coins went back to the payer).
 */
final class NowPaymentsObjects {

    private NowPaymentsObjects() {}

    static ProviderPayment.Status status(String providerStatus) {
        return switch (providerStatus) {
            case "partially_paid" -> ProviderPayment.Status.PARTIALLY_PAID;
            case "finished" -> ProviderPayment.Status.SUCCEEDED;
            case "failed" -> ProviderPayment.Status.FAILED;
            case "expired" -> ProviderPayment.Status.EXPIRED;
            case "refunded" -> ProviderPayment.Status.CANCELLED;
            default -> ProviderPayment.Status.PENDING;
        };
    }

    /** A payment (of {@code GET /v1/payment}, the list, or an IPN). */
    static ProviderPayment payment(JsonNode payment) {
        String status = payment.path("payment_status").asString("");
        String currency = payment.path("price_currency").asString("").toUpperCase(Locale.ROOT);
        BigDecimal price = decimal(payment.path("price_amount"));
        long paid = NowPaymentsAmounts.paid(
                price, decimal(payment.path("pay_amount")), decimal(payment.path("actually_paid")), currency);
        Map<String, String> details = new LinkedHashMap<>();
        for (String field : List.of("payment_id", "pay_currency", "pay_amount", "actually_paid", "pay_address")) {
            JsonNode value = payment.path(field);
            if (value.isNumber()) {
                details.put(field, IpnJson.number(value.doubleValue()));
            } else if (value.isString()) {
                details.put(field, value.asString());
            }
        }
        return new ProviderPayment(
                PaymentProvider.NOWPAYMENTS,
                id(payment),
                status(status),
                status,
                NowPaymentsAmounts.minor(price, currency),
                currency,
                paid,
                null,
                null,
                text(payment, "order_id"),
                details);
    }

    /**
     * The payment that speaks for an invoice paid more than once (the shopper may have started with one coin and
     * switched): the finished one if any, else the one updated last.
     */
    static @Nullable JsonNode chosen(List<JsonNode> payments) {
        return payments.stream()
                .max(Comparator.comparing((JsonNode p) ->
                                p.path("payment_status").asString("").equals("finished"))
                        .thenComparing(p -> p.path("updated_at").asString("")))
                .orElse(null);
    }

    /** The invoice id (as text), or the payment id for a payment made without an invoice. */
    static String id(JsonNode payment) {
        JsonNode invoice = payment.path("invoice_id");
        if (invoice.isNumber() || (invoice.isString() && !invoice.asString().isBlank())) {
            return invoice.isNumber() ? invoice.bigIntegerValue().toString() : invoice.asString();
        }
        JsonNode own = payment.path("payment_id");
        return own.isNumber() ? own.bigIntegerValue().toString() : own.asString("");
    }

    /** An amount sent as a JSON number or a string, read exactly (0 when absent). */
    static BigDecimal decimal(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.asString().strip());
            } catch (NumberFormatException e) {
                return BigDecimal.ZERO;
            }
        }
        return BigDecimal.ZERO;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : value.isNumber() ? value.asString() : null;
    }
}
