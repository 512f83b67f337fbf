package dev.silkway.storefront.payment;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A payment as its provider reports it. status is ours, providerStatus the provider's own word;
 * paidMinor is what was actually received (crypto may pay less or more than amountMinor); details
 * keep provider fields worth showing (pay_currency, pay_amount, pay_address, ...).
 */
public record ProviderPayment(
        PaymentProvider provider,
        String providerPaymentId,
        Status status,
        String providerStatus,
        long amountMinor,
        String currency,
        long paidMinor,
        @Nullable String confirmationUrl,
        @Nullable Instant expiresAt,
        @Nullable String orderReference,
        Map<String, String> details) {

    /** Our reading of the provider's statuses (payments.status, plus crypto's partial payment). */
    public enum Status {
        PENDING,
        WAITING_FOR_CAPTURE,
        PARTIALLY_PAID,
        SUCCEEDED,
        CANCELLED,
        FAILED,
        EXPIRED
    }
}
