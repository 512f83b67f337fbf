package dev.silkway.storefront.payment;

import dev.silkway.storefront.order.OrderSource;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Refunds of paid orders through their provider's refund API: the whole order, or some units of one
 * line (the purchasing step calls {@link #refundLine} when a line cannot be bought). Each refund is a
 * {@code refunds} row written before the provider is called, with its own idempotence key, so a
 * retry never refunds twice; its final state arrives by webhook or by the polling job.
 */
public interface Refunds {

    /** Refunds what is left to refund of the order's succeeded payments; empty when nothing is left. */
    List<RefundStarted> refundOrder(UUID orderId, String reason, OrderSource source, @Nullable UUID by);

    /**
     * Refunds {@code quantity} units of one line at the price the shopper paid for them (the line's
     * RUB price); the same line is never refunded for more units than it has. orderLineId is
     * {@code order_lines.id}, a bigint in the schema (V7), hence a long and not a UUID.
     */
    List<RefundStarted> refundLine(
            UUID orderId, long orderLineId, int quantity, String reason, OrderSource source, @Nullable UUID by);

    /** One refund asked of the provider: the refunds row, its amount and where it stands. */
    record RefundStarted(UUID refundId, UUID paymentId, long amountMinor, String currency, String status) {}
}
