package dev.silkway.storefront.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine: from each status, the statuses it may move to, and the past-tense event
 * each move publishes. Payment, purchase and carrier issues drive the moves after AWAITING_PAYMENT;
 * operators make the manual ones. CANCELLED and REFUNDED are final.
 */
public enum OrderStatus {
    AWAITING_PAYMENT("OrderPlaced"),
    PAID("OrderPaid"),
    PARTIALLY_PAID("OrderPartiallyPaid"),
    PURCHASING("OrderPurchaseStarted"),
    PURCHASED("OrderPurchased"),
    AT_WAREHOUSE("OrderReachedWarehouse"),
    SHIPPED("OrderShipped"),
    IN_CUSTOMS("OrderEnteredCustoms"),
    ARRIVED("OrderArrived"),
    OUT_FOR_DELIVERY("OrderWentOutForDelivery"),
    DELIVERED("OrderDelivered"),
    CANCELLED("OrderCancelled"),
    REFUND_PENDING("OrderRefundRequested"),
    REFUNDED("OrderRefunded");

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.ofEntries(
            Map.entry(AWAITING_PAYMENT, EnumSet.of(PAID, PARTIALLY_PAID, CANCELLED)),
            Map.entry(PARTIALLY_PAID, EnumSet.of(PAID, REFUND_PENDING)),
            Map.entry(PAID, EnumSet.of(PURCHASING, REFUND_PENDING)),
            Map.entry(PURCHASING, EnumSet.of(PURCHASED, REFUND_PENDING)),
            Map.entry(PURCHASED, EnumSet.of(AT_WAREHOUSE, REFUND_PENDING)),
            Map.entry(AT_WAREHOUSE, EnumSet.of(SHIPPED)),
            // Real journeys skip steps: customs cleared without an event, a courier delivering straight
            // from the sorting centre, a sparse feed that next reports the delivery.
            Map.entry(SHIPPED, EnumSet.of(IN_CUSTOMS, ARRIVED, OUT_FOR_DELIVERY, DELIVERED)),
            Map.entry(IN_CUSTOMS, EnumSet.of(ARRIVED, OUT_FOR_DELIVERY, DELIVERED)),
            Map.entry(ARRIVED, EnumSet.of(OUT_FOR_DELIVERY, DELIVERED)),
            Map.entry(OUT_FOR_DELIVERY, EnumSet.of(DELIVERED)),
            Map.entry(DELIVERED, EnumSet.of(REFUND_PENDING)),
            Map.entry(REFUND_PENDING, EnumSet.of(REFUNDED)),
            Map.entry(CANCELLED, EnumSet.noneOf(OrderStatus.class)),
            Map.entry(REFUNDED, EnumSet.noneOf(OrderStatus.class)));

    /** The carrier's part of the journey, in order: an order only moves forward along it. */
    private static final java.util.List<OrderStatus> CARRIED =
            java.util.List.of(SHIPPED, IN_CUSTOMS, ARRIVED, OUT_FOR_DELIVERY, DELIVERED);

    /** Statuses in which the order's units are still held against the catalogue's stock. */
    private static final Set<OrderStatus> HOLDING = EnumSet.of(AWAITING_PAYMENT, PARTIALLY_PAID, PAID, PURCHASING);

    private final String event;

    OrderStatus(String event) {
        this.event = event;
    }

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The event published when an order reaches this status. */
    String event() {
        return event;
    }

    /** Whether {@code next} lies further along the carrier's part of the journey than this status. */
    boolean carriedBefore(OrderStatus next) {
        int from = CARRIED.indexOf(this);
        return from >= 0 && CARRIED.indexOf(next) > from;
    }

    boolean holdsStock() {
        return HOLDING.contains(this);
    }

    /** Where a shopper's cancel leads: unpaid orders are cancelled, paid ones wait for their refund. */
    OrderStatus cancelledByShopper() {
        return this == AWAITING_PAYMENT ? CANCELLED : REFUND_PENDING;
    }

    /** A shopper may cancel until the goods are bought on the marketplace. */
    boolean cancellableByShopper() {
        return this == AWAITING_PAYMENT || this == PARTIALLY_PAID || this == PAID || this == PURCHASING;
    }
}
