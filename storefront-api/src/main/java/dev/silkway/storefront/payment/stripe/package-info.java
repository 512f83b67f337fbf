/**
 * Stripe as a {@link dev.silkway.storefront.payment.PaymentGateway}: the shopper pays on a hosted Checkout Session
 * (mode=payment) tracked by its PaymentIntent; refunds, listing and webhook events verified by their
 * {@code Stripe-Signature}.
 */
@NullMarked
package dev.silkway.storefront.payment.stripe;

import org.jspecify.annotations.NullMarked;
