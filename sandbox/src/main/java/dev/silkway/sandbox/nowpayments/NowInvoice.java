package dev.silkway.sandbox.nowpayments;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** An invoice: what the shopper is asked to pay, in a price currency; its payment appears once a coin is sent. */
record NowInvoice(
        String id,
        BigDecimal priceAmount,
        String priceCurrency,
        @Nullable String orderId,
        @Nullable String orderDescription,
        @Nullable String ipnCallbackUrl,
        @Nullable String successUrl,
        @Nullable String cancelUrl,
        String invoiceUrl,
        Instant createdAt) {

    ObjectNode json() {
        return SandboxJson.object()
                .put("id", id)
                .put("token_id", "sbx" + id)
                .put("order_id", orderId)
                .put("order_description", orderDescription)
                .put("price_amount", priceAmount.toPlainString())
                .put("price_currency", priceCurrency)
                .putNull("pay_currency")
                .put("ipn_callback_url", ipnCallbackUrl)
                .put("invoice_url", invoiceUrl)
                .put("success_url", successUrl)
                .put("cancel_url", cancelUrl)
                .put("created_at", createdAt.toString())
                .put("updated_at", createdAt.toString())
                .put("is_fixed_rate", false)
                .put("is_fee_paid_by_user", false);
    }
}
