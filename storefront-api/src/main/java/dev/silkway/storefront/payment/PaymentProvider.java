package dev.silkway.storefront.payment;

/** The payment providers (payments.provider, payment_webhook_events.provider). */
public enum PaymentProvider {
    YOOKASSA,
    STRIPE,
    NOWPAYMENTS
}
