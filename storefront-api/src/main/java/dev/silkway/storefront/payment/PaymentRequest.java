package dev.silkway.storefront.payment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One payment attempt of an order. idempotencyKey is derived from the order and the attempt number;
 * payCurrency is the coin a crypto payer picked (null: the provider's page asks).
 */
public record PaymentRequest(
        UUID orderId,
        String orderNumber,
        UUID paymentId,
        int attempt,
        String idempotencyKey,
        long amountMinor,
        String currency,
        PaymentKind kind,
        String description,
        String returnUrl,
        Instant expiresAt,
        @Nullable String payCurrency) {

    /** What the shopper pays with (CARD, EWALLET, CRYPTO; payments.method). */
    public enum PaymentKind {
        CARD,
        EWALLET,
        CRYPTO
    }
}
