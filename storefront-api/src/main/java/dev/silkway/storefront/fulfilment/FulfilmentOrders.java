package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.order.OrderStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What fulfilment reads of orders (their status moves only through {@code OrderLifecycle}): paid orders to start,
 * the status under a row lock, where the parcel goes and the weight the quote charged for.
 */
@Repository
class FulfilmentOrders {

    /** Where an order's parcel goes, and the quote's chargeable weight (from the order's snapshot). */
    record Destination(String deliveryMethod, String country, int quotedGrams) {}

    private final JdbcClient jdbc;

    FulfilmentOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** PAID orders, oldest first, locked for this transaction (others skip them). */
    List<UUID> paid(int limit) {
        return jdbc.sql("""
                        SELECT id FROM orders WHERE status = 'PAID' ORDER BY paid_at NULLS FIRST, created_at
                        LIMIT ? FOR UPDATE SKIP LOCKED""").param(limit).query(UUID.class).list();
    }

    /** The order's status, its row locked until the transaction ends. */
    Optional<OrderStatus> lockStatus(UUID orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ? FOR UPDATE")
                .param(orderId)
                .query((rs, n) -> OrderStatus.valueOf(rs.getString(1)))
                .optional();
    }

    Destination destination(UUID orderId) {
        return jdbc.sql("""
                        SELECT delivery_method, shipping_country,
                               COALESCE((snapshot ->> 'chargeableWeightGrams')::integer, chargeable_weight_grams, 0)
                        FROM orders WHERE id = ?""")
                .param(orderId)
                .query((rs, n) -> new Destination(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .single();
    }

    boolean ownedBy(UUID orderId, UUID userId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE id = ? AND user_id = ?")
                        .params(orderId, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
