/**
 * The NOWPayments API simulator under {@code /nowpayments}: invoices ({@code x-api-key}), payments and their listing
 * (with the JWT of {@code POST /v1/auth}), a hosted invoice page with Pay / Pay partially / Overpay / Fail / Expire,
 * and IPNs signed with {@code x-nowpayments-sig} sent through the shared webhook sender.
 */
@NullMarked
package dev.silkway.sandbox.nowpayments;

import org.jspecify.annotations.NullMarked;
