package dev.silkway.storefront.payment;

import java.time.Instant;
import java.util.List;

/**
 * One payment provider's API in its own protocol: amounts cross this boundary in minor units
 * (kopecks, cents) and each gateway writes them in its provider's format. Every create and refund
 * carries the caller's idempotency key, so a retry after a timeout never charges or refunds twice.
 *
 * <p>Failures: {@link PaymentProviderUnavailable} when the provider cannot be reached or answers 5xx /
 * 429 after the bounded retries (the API answers 503), {@link PaymentProviderRefused} when it refuses the
 * request (4xx), {@link WebhookRejected} when a delivery is forged, stale or from a source not allowed.
 */
public interface PaymentGateway {

    PaymentProvider provider();

    /** Creates the payment (YooKassa payment, Stripe PaymentIntent and its hosted page, NOWPayments invoice). */
    ProviderPayment create(PaymentRequest request);

    /** The payment as the provider has it now (YooKassa's webhooks re-fetch it; reconciliation; polling). */
    ProviderPayment fetch(String providerPaymentId);

    /** Refunds all or part of a succeeded payment. */
    ProviderRefund refund(RefundRequest request);

    /** The refund as the provider has it now. */
    ProviderRefund fetchRefund(String providerRefundId);

    /** Payments the provider created in [from, to), every page read (reconciliation). */
    List<ProviderPayment> payments(Instant from, Instant to);

    /**
     * Authenticates one webhook delivery (signature and its age, or the source network and a re-fetch
     * of the object from the API) and reads it.
     */
    WebhookEvent read(WebhookDelivery delivery);
}
