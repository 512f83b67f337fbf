/**
 * YooKassa API v3 (cards, SBP, YooMoney): the {@link dev.silkway.storefront.payment.PaymentGateway} over
 * HTTP Basic shopId:secretKey with an Idempotence-Key on every POST, amounts as strings in roubles, and
 * its unsigned notifications, accepted only from the configured source networks and re-fetched by id.
 */
@NullMarked
package dev.silkway.storefront.payment.yookassa;

import org.jspecify.annotations.NullMarked;
