package dev.silkway.storefront.payment;

/** A refund as its provider reports it. */
public record ProviderRefund(
        PaymentProvider provider,
        String providerRefundId,
        String providerPaymentId,
        Status status,
        String providerStatus,
        long amountMinor,
        String currency) {

    /** refunds.status. */
    public enum Status {
        PENDING,
        SUCCEEDED,
        CANCELLED,
        FAILED
    }
}
