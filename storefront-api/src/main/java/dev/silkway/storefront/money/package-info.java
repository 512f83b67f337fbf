/**
 * Money for checkout: amounts in minor units (fen, kopecks, euro cents) as {@code long}, the CBR
 * rate of the day, the one place where amounts are converted and rounded ({@link Rounding}), and the
 * API's money shape ({@link Money}: a string decimal beside its currency).
 */
@NullMarked
package dev.silkway.storefront.money;

import org.jspecify.annotations.NullMarked;
