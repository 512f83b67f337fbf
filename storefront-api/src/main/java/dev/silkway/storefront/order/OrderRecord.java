package dev.silkway.storefront.order;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order's row: status, amounts in kopecks, when its reservation ends. */
record OrderRecord(
        UUID id,
        long number,
        UUID userId,
        OrderStatus status,
        String deliveryMethod,
        String paymentMethod,
        String country,
        long goods,
        long chinaDelivery,
        long internationalDelivery,
        long serviceFee,
        long insurance,
        long customsDuty,
        long discount,
        long total,
        boolean split,
        @Nullable UUID quoteId,
        @Nullable Instant reservedUntil,
        Instant createdAt) {}
