package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** A PaymentIntent of the simulated account; changed only under {@link StripeAccount}'s lock. */
final class StripeIntent {

    final String id;
    final long amount;
    final String currency;
    final long created;
    final @Nullable String description;
    final Map<String, String> metadata;
    final String sessionId;
    String status = "requires_payment_method";
    long amountReceived;
    long refunded;

    @Nullable
    String latestCharge;

    @Nullable
    String cancellationReason;

    boolean declined;

    StripeIntent(
            String id,
            long amount,
            String currency,
            long created,
            @Nullable String description,
            Map<String, String> metadata,
            String sessionId) {
        this.id = id;
        this.amount = amount;
        this.currency = currency;
        this.created = created;
        this.description = description;
        this.metadata = metadata;
        this.sessionId = sessionId;
    }

    ObjectNode json() {
        ObjectNode node = SandboxJson.object()
                .put("id", id)
                .put("object", "payment_intent")
                .put("amount", amount)
                .put("amount_capturable", 0)
                .put("amount_received", amountReceived)
                .put("capture_method", "automatic")
                .put("created", created)
                .put("currency", currency)
                .put("description", description)
                .put("latest_charge", latestCharge)
                .put("livemode", false)
                .put("cancellation_reason", cancellationReason)
                .put("status", status);
        node.putArray("payment_method_types").add("card");
        ObjectNode meta = node.putObject("metadata");
        metadata.forEach(meta::put);
        if (declined && status.equals("requires_payment_method")) {
            node.putObject("last_payment_error")
                    .put("type", "card_error")
                    .put("code", "card_declined")
                    .put("decline_code", "generic_decline")
                    .put("message", "Your card was declined.");
        } else {
            node.putNull("last_payment_error");
        }
        return node;
    }
}
