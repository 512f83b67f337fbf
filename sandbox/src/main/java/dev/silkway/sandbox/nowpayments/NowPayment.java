package dev.silkway.sandbox.nowpayments;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payment of an invoice in one coin; changed only under {@link NowPaymentsAccount}'s lock. Its JSON is the body of
 * {@code GET /v1/payment/{id}} and of the IPNs (amounts as JSON numbers, as NOWPayments sends them).
 */
final class NowPayment {

    final long id;
    final NowInvoice invoice;
    final String payAddress;
    final String payCurrency;
    final BigDecimal payAmount;
    final Instant createdAt;
    String status = "waiting";
    BigDecimal actuallyPaid = BigDecimal.ZERO;
    Instant updatedAt;

    NowPayment(long id, NowInvoice invoice, String payAddress, String payCurrency, BigDecimal payAmount, Instant at) {
        this.id = id;
        this.invoice = invoice;
        this.payAddress = payAddress;
        this.payCurrency = payCurrency;
        this.payAmount = payAmount;
        this.createdAt = at;
        this.updatedAt = at;
    }

    ObjectNode json() {
        ObjectNode node = SandboxJson.object()
                .put("payment_id", id)
                .put("invoice_id", Long.parseLong(invoice.id()))
                .put("payment_status", status)
                .put("pay_address", payAddress)
                .put("price_amount", invoice.priceAmount())
                .put("price_currency", invoice.priceCurrency())
                .put("pay_amount", payAmount)
                .put("actually_paid", actuallyPaid)
                .put("actually_paid_at_fiat", 0)
                .put("pay_currency", payCurrency)
                .put("order_id", invoice.orderId())
                .put("order_description", invoice.orderDescription())
                .put("purchase_id", String.valueOf(id + 1_000_000))
                .put("created_at", createdAt.toString())
                .put("updated_at", updatedAt.toString())
                .put("outcome_amount", actuallyPaid)
                .put("outcome_currency", payCurrency);
        node.putObject("fee")
                .put("currency", payCurrency)
                .put("depositFee", 0)
                .put("withdrawalFee", 0)
                .put("serviceFee", 0);
        return node;
    }
}
