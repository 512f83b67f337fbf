/**
 * Payments: each provider (YooKassa, Stripe, NOWPayments) reached through a {@link
 * dev.silkway.storefront.payment.PaymentGateway} that speaks its real protocol; payment attempts of an
 * order, the providers' webhooks, refunds and reconciliation.
 */
@NullMarked
package dev.silkway.storefront.payment;

import org.jspecify.annotations.NullMarked;
