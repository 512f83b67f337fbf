/**
 * NOWPayments as a {@link dev.silkway.storefront.payment.PaymentGateway}: the shopper pays a crypto invoice on its
 * hosted page; the payment it gets is read by invoice id, and IPNs are verified by their {@code x-nowpayments-sig}.
 */
@NullMarked
package dev.silkway.storefront.payment.nowpayments;

import org.jspecify.annotations.NullMarked;
