package dev.silkway.storefront.delivery;

/** The delivery lines a shopper chooses from. */
public enum DeliveryMethod {
    AIR,
    SEA,
    EXPRESS
}
