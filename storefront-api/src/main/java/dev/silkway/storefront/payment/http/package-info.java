/**
 * The bounded HTTP calls of every payment gateway: the platform's {@link dev.silkway.platform.outbound.OutboundHttp}
 * limits, pacing and retry, with 429, 5xx and unreachable providers read as
 * {@link dev.silkway.storefront.payment.PaymentProviderUnavailable}.
 */
@NullMarked
package dev.silkway.storefront.payment.http;

import org.jspecify.annotations.NullMarked;
