package dev.silkway.storefront.payment;

import java.util.UUID;

/** A refund of all or part of a succeeded payment, with the idempotency key derived from the refund row. */
public record RefundRequest(
        String providerPaymentId,
        UUID refundId,
        String idempotencyKey,
        long amountMinor,
        String currency,
        String reason) {}
