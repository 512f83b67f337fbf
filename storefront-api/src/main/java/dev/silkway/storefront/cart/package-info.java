/**
 * The cart: one per shopper, or a guest's found by its {@code X-Cart-Token}, merged into the
 * shopper's at sign-in. Every read revalidates the lines against the catalogue in PostgreSQL (price
 * moved, short of stock, gone or hidden); the cart's version is a fingerprint of what a read shows.
 * {@link dev.silkway.storefront.cart.ShopperCarts} is the facade checkout and sign-in use.
 */
@NullMarked
package dev.silkway.storefront.cart;

import org.jspecify.annotations.NullMarked;
