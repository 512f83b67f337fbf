package dev.silkway.storefront.payment.stripe;

import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as Stripe takes them: an integer in the currency's smallest unit, which is our minor unit (kopecks, cents;
 * the yen itself for a zero-decimal currency), so the number passes unchanged; Stripe accepts at most eight digits
 * (99,999,999, i.e. 999,999.99 RUB) and at least one unit. Currencies go lower-case.
 */
final class StripeAmounts {

    static final long MAX = 99_999_999L;

    private StripeAmounts() {}

    static long toStripe(long amountMinor, String currency) {
        if (amountMinor < 1) {
            throw PaymentProviderRefused.of(PaymentProvider.STRIPE, "amount_too_small", "amount must be at least 1");
        }
        if (amountMinor > MAX) {
            throw PaymentProviderRefused.of(
                    PaymentProvider.STRIPE,
                    "amount_too_large",
                    amountMinor + " minor units of " + currency + " is more than Stripe's 99,999,999");
        }
        return amountMinor;
    }

    static String currency(String iso) {
        try {
            return Currency.getInstance(iso.toUpperCase(Locale.ROOT))
                    .getCurrencyCode()
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw PaymentProviderRefused.of(PaymentProvider.STRIPE, "invalid_currency", "not an ISO 4217 code: " + iso);
        }
    }

    static String fromStripe(String currency) {
        return currency.toUpperCase(Locale.ROOT);
    }
}
