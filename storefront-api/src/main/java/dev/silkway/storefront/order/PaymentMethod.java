package dev.silkway.storefront.order;

/** How the shopper will pay (the payments issue takes the order from AWAITING_PAYMENT). */
enum PaymentMethod {
    CARD,
    EWALLET,
    CRYPTO
}
