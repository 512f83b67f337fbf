package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** A Checkout Session (mode=payment) of the simulated account; changed only under {@link StripeAccount}'s lock. */
final class StripeSession {

    final String id;
    final String intentId;
    final String url;
    final String productName;
    final long amountTotal;
    final String currency;
    final String successUrl;
    final @Nullable String cancelUrl;
    final @Nullable String clientReferenceId;
    final Map<String, String> metadata;
    final long created;
    final long expiresAt;
    String status = "open";
    String paymentStatus = "unpaid";

    StripeSession(
            String id,
            String intentId,
            String url,
            String productName,
            long amountTotal,
            String currency,
            String successUrl,
            @Nullable String cancelUrl,
            @Nullable String clientReferenceId,
            Map<String, String> metadata,
            long created,
            long expiresAt) {
        this.id = id;
        this.intentId = intentId;
        this.url = url;
        this.productName = productName;
        this.amountTotal = amountTotal;
        this.currency = currency;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.clientReferenceId = clientReferenceId;
        this.metadata = metadata;
        this.created = created;
        this.expiresAt = expiresAt;
    }

    ObjectNode json() {
        ObjectNode node = SandboxJson.object()
                .put("id", id)
                .put("object", "checkout.session")
                .put("amount_subtotal", amountTotal)
                .put("amount_total", amountTotal)
                .put("cancel_url", cancelUrl)
                .put("client_reference_id", clientReferenceId)
                .put("created", created)
                .put("currency", currency)
                .put("expires_at", expiresAt)
                .put("livemode", false)
                .put("mode", "payment")
                .put("payment_intent", intentId)
                .put("payment_status", paymentStatus)
                .put("status", status)
                .put("success_url", successUrl)
                .put("url", status.equals("open") ? url : null);
        ObjectNode meta = node.putObject("metadata");
        metadata.forEach(meta::put);
        return node;
    }
}
