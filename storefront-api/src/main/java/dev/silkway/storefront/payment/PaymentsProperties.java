package dev.silkway.storefront.payment;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.payments.*}: where the provider's page sends the shopper back ({orderId} replaced), which
 * provider takes which method (cards by the order's country first, then its currency, else the card
 * default), the webhook body's bound, how often pending refunds and refunds waiting to be sent are looked
 * at, and the reconciliation's schedule and window.
 */
@ConfigurationProperties("silkway.payments")
record PaymentsProperties(
        @DefaultValue("http://127.0.0.1:8080/orders/{orderId}")
        String returnUrl,

        @DefaultValue Routing routing,
        @DefaultValue("64KB") DataSize maxWebhookBody,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("1m") Duration refundSendGrace,
        @DefaultValue("0 30 3 * * ?") String reconciliationCron,
        @DefaultValue("P2D") Duration reconciliationWindow) {

    PaymentsProperties {
        if (!returnUrl.startsWith("http://") && !returnUrl.startsWith("https://")) {
            throw new IllegalArgumentException("silkway.payments.return-url must be an http(s) URL");
        }
        if (maxWebhookBody.toBytes() < 1024 || maxWebhookBody.toMegabytes() > 1) {
            throw new IllegalArgumentException("silkway.payments.max-webhook-body must be 1KB..1MB");
        }
        if (pollInterval.toMillis() < 100 || reconciliationWindow.isNegative() || reconciliationWindow.isZero()) {
            throw new IllegalArgumentException("silkway.payments: poll-interval >= 100ms, reconciliation-window > 0");
        }
    }

    /** Provider per method: CARD by country, then by currency, else cardDefault; EWALLET and CRYPTO one each. */
    record Routing(
            @DefaultValue Map<String, PaymentProvider> cardByCountry,
            @DefaultValue("RUB=YOOKASSA") Map<String, PaymentProvider> cardByCurrency,
            @DefaultValue("STRIPE") PaymentProvider cardDefault,
            @DefaultValue("YOOKASSA") PaymentProvider ewallet,
            @DefaultValue("NOWPAYMENTS") PaymentProvider crypto) {

        PaymentProvider provider(PaymentRequest.PaymentKind kind, String currency, String country) {
            return switch (kind) {
                case EWALLET -> ewallet;
                case CRYPTO -> crypto;
                case CARD -> {
                    PaymentProvider byCountry = cardByCountry.get(country);
                    if (byCountry != null) {
                        yield byCountry;
                    }
                    yield cardByCurrency.getOrDefault(currency, cardDefault);
                }
            };
        }
    }
}
