package dev.silkway.storefront.payment;

import org.jspecify.annotations.Nullable;

/**
 * An authenticated webhook event. dedupKey is unique per provider (Stripe's event id; YooKassa's event
 * + object id + status; NOWPayments' payment id + status + amount paid) and dedups deliveries in
 * payment_webhook_events. payment or refund is the object the event is about, as the provider reports
 * it (for YooKassa, as re-fetched from its API). payload is the body as JSON text, kept for operators.
 */
public record WebhookEvent(
        PaymentProvider provider,
        String dedupKey,
        String eventType,
        @Nullable ProviderPayment payment,
        @Nullable ProviderRefund refund,
        String payload) {}
