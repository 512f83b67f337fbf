package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** A refund of a PaymentIntent's charge; changed only under {@link StripeAccount}'s lock. */
final class StripeRefund {

    final String id;
    final String intentId;
    final @Nullable String charge;
    final long amount;
    final String currency;
    final @Nullable String reason;
    final Map<String, String> metadata;
    final long created;
    String status = "pending";

    StripeRefund(
            String id,
            String intentId,
            @Nullable String charge,
            long amount,
            String currency,
            @Nullable String reason,
            Map<String, String> metadata,
            long created) {
        this.id = id;
        this.intentId = intentId;
        this.charge = charge;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.metadata = metadata;
        this.created = created;
    }

    ObjectNode json() {
        ObjectNode node = SandboxJson.object()
                .put("id", id)
                .put("object", "refund")
                .put("amount", amount)
                .put("charge", charge)
                .put("created", created)
                .put("currency", currency)
                .put("payment_intent", intentId)
                .put("reason", reason)
                .put("status", status);
        ObjectNode meta = node.putObject("metadata");
        metadata.forEach(meta::put);
        return node;
    }
}
