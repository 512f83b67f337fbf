package dev.silkway.storefront.order;

/** Who moved an order (order_status_history.source). */
public enum OrderSource {
    SHOPPER,
    OPERATOR,
    PAYMENT,
    CARRIER,
    SYSTEM
}
