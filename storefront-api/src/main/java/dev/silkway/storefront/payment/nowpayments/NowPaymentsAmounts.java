package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as NOWPayments takes them: a decimal number of the price currency (1234.57 for 123457 kopecks), exact,
 * never a double. What was paid arrives in the coin: {@code actually_paid} of {@code pay_amount} coins asked for
 * {@code price_amount}, so the price currency received is {@code price_amount × actually_paid / pay_amount}, rounded
 * down to the minor unit (a shopper is never credited a kopeck not received).
 */
final class NowPaymentsAmounts {

    private NowPaymentsAmounts() {}

    static BigDecimal price(long amountMinor, String currency) {
        if (amountMinor < 1) {
            throw PaymentProviderRefused.of(PaymentProvider.NOWPAYMENTS, "invalid_amount", "amount must be positive");
        }
        return BigDecimal.valueOf(amountMinor, digits(currency));
    }

    /** A decimal of the price currency in minor units, rounded half up past the currency's digits. */
    static long minor(BigDecimal amount, String currency) {
        return amount.setScale(digits(currency), RoundingMode.HALF_UP)
                .unscaledValue()
                .longValueExact();
    }

    /** The price currency received, in minor units: 0 before anything was paid or when no coin amount is known. */
    static long paid(BigDecimal priceAmount, BigDecimal payAmount, BigDecimal actuallyPaid, String currency) {
        if (payAmount.signum() <= 0 || actuallyPaid.signum() <= 0) {
            return 0;
        }
        if (actuallyPaid.compareTo(payAmount) == 0) {
            return minor(priceAmount, currency);
        }
        return priceAmount
                .multiply(actuallyPaid)
                .divide(payAmount, digits(currency), RoundingMode.DOWN)
                .unscaledValue()
                .longValueExact();
    }

    static String currency(String iso) {
        return iso.toLowerCase(Locale.ROOT);
    }

    private static int digits(String currency) {
        try {
            return Math.max(
                    0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            throw PaymentProviderRefused.of(
                    PaymentProvider.NOWPAYMENTS, "invalid_currency", "not an ISO 4217 code: " + currency);
        }
    }
}
