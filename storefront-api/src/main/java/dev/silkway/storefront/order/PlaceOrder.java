package dev.silkway.storefront.order;

import dev.silkway.storefront.delivery.DeliveryMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** The command behind {@code POST /api/v1/orders}. */
record PlaceOrder(
        UUID userId,
        String idempotencyKey,
        UUID quoteId,
        UUID addressId,
        DeliveryMethod deliveryMethod,
        PaymentMethod paymentMethod,
        boolean split) {

    /** SHA-256 of the request's canonical form: the same key with another request is told apart by it. */
    byte[] requestHash() {
        String canonical = quoteId + "|" + addressId + "|" + deliveryMethod + "|" + paymentMethod + "|" + split;
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
