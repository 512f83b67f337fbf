package dev.silkway.sandbox.yookassa;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated shop's payments and refunds, in memory, and the answers replayed per Idempotence-Key
 * (YooKassa keeps them for 24 hours; the sandbox for its lifetime).
 */
@Component
class YooKassaLedger {

    /** An answer kept for its Idempotence-Key, with a hash of the request it answered. */
    record Replay(String requestHash, int status, String body) {}

    static final class Payment {
        final String id;
        final YooKassaMoney amount;
        final boolean capture;
        final @Nullable String description;
        final @Nullable String returnUrl;
        final JsonNode metadata;
        final Instant createdAt;
        final Instant expiresAt;
        String status = "pending";

        @Nullable
        String cancellationReason;

        @Nullable
        String cancellationParty;

        @Nullable
        Instant capturedAt;

        long refundedMinor;
        String confirmationUrl = "";

        Payment(
                YooKassaMoney amount,
                boolean capture,
                @Nullable String description,
                @Nullable String returnUrl,
                JsonNode metadata,
                Instant createdAt,
                Instant expiresAt) {
            this.id = UUID.randomUUID().toString();
            this.amount = amount;
            this.capture = capture;
            this.description = description;
            this.returnUrl = returnUrl;
            this.metadata = metadata;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
        }

        synchronized ObjectNode json() {
            ObjectNode node = SandboxJson.object()
                    .put("id", id)
                    .put("status", status)
                    .put("paid", status.equals("succeeded") || status.equals("waiting_for_capture"));
            amount.write(node.putObject("amount"));
            if (status.equals("succeeded")) {
                amount.write(node.putObject("income_amount"));
            }
            if (refundedMinor > 0) {
                new YooKassaMoney(refundedMinor, amount.currency()).write(node.putObject("refunded_amount"));
            }
            if (status.equals("pending")) {
                node.putObject("confirmation")
                        .put("type", "redirect")
                        .put("confirmation_url", confirmationUrl)
                        .put("return_url", returnUrl);
                node.put("expires_at", expiresAt.toString());
            }
            if (description != null) {
                node.put("description", description);
            }
            node.set("metadata", metadata);
            node.put("created_at", createdAt.toString());
            if (capturedAt != null) {
                node.put("captured_at", capturedAt.toString());
            }
            if (cancellationReason != null) {
                node.putObject("cancellation_details")
                        .put("party", cancellationParty)
                        .put("reason", cancellationReason);
            }
            node.put("refundable", status.equals("succeeded") && refundedMinor < amount.minor());
            node.put("test", true);
            node.putObject("recipient").put("account_id", "sandbox-shop").put("gateway_id", "sandbox-gateway");
            return node;
        }
    }

    static final class Refund {
        final String id = UUID.randomUUID().toString();
        final String paymentId;
        final YooKassaMoney amount;
        final @Nullable String description;
        final Instant createdAt;
        String status = "pending";

        Refund(String paymentId, YooKassaMoney amount, @Nullable String description, Instant createdAt) {
            this.paymentId = paymentId;
            this.amount = amount;
            this.description = description;
            this.createdAt = createdAt;
        }

        synchronized ObjectNode json() {
            ObjectNode node = SandboxJson.object()
                    .put("id", id)
                    .put("payment_id", paymentId)
                    .put("status", status)
                    .put("created_at", createdAt.toString());
            amount.write(node.putObject("amount"));
            if (description != null) {
                node.put("description", description);
            }
            return node;
        }
    }

    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final Clock clock;

    YooKassaLedger(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    void add(Payment payment) {
        payments.put(payment.id, payment);
    }

    void add(Refund refund) {
        refunds.put(refund.id, refund);
    }

    Optional<Payment> payment(String id) {
        return Optional.ofNullable(payments.get(id));
    }

    Optional<Refund> refund(String id) {
        return Optional.ofNullable(refunds.get(id));
    }

    /** Payments created in [from, to), newest first, as YooKassa lists them. */
    List<Payment> payments(@Nullable Instant from, @Nullable Instant to) {
        return payments.values().stream()
                .filter(p -> from == null || !p.createdAt.isBefore(from))
                .filter(p -> to == null || p.createdAt.isBefore(to))
                .sorted(Comparator.comparing((Payment p) -> p.createdAt)
                        .thenComparing(p -> p.id)
                        .reversed())
                .toList();
    }

    long refundsPending(String paymentId) {
        return refunds.values().stream()
                .filter(r -> r.paymentId.equals(paymentId) && !r.status.equals("canceled"))
                .mapToLong(r -> r.amount.minor())
                .sum();
    }

    Optional<Replay> replay(String key) {
        return Optional.ofNullable(replays.get(key));
    }

    void remember(String key, Replay replay) {
        replays.putIfAbsent(key, replay);
    }
}
