package dev.silkway.storefront.payment.nowpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.storefront.payment.PaymentProviderRefused;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Kopecks to NOWPayments' decimal price and back, and what a crypto payment received, at the boundaries. */
class NowPaymentsAmountsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesKopecksAsAnExactDecimalNumber() {
        assertThat(json(NowPaymentsAmounts.price(1, "RUB"))).isEqualTo("0.01");
        assertThat(json(NowPaymentsAmounts.price(123_457, "RUB"))).isEqualTo("1234.57");
        assertThat(json(NowPaymentsAmounts.price(9_999_999_999L, "RUB"))).isEqualTo("99999999.99");
        assertThat(json(NowPaymentsAmounts.price(1_500, "JPY"))).isEqualTo("1500");
    }

    @Test
    void readsTheDecimalBackIntoTheSameKopecks() {
        assertThat(NowPaymentsAmounts.minor(new BigDecimal("0.01"), "RUB")).isEqualTo(1);
        assertThat(NowPaymentsAmounts.minor(new BigDecimal("1234.57"), "RUB")).isEqualTo(123_457);
        assertThat(NowPaymentsAmounts.minor(new BigDecimal("99999999.99"), "RUB"))
                .isEqualTo(9_999_999_999L);
        assertThat(NowPaymentsAmounts.minor(new BigDecimal("1234.5"), "RUB")).isEqualTo(123_450);
    }

    @Test
    void refusesANonPositiveAmountOrAnUnknownCurrency() {
        assertThatThrownBy(() -> NowPaymentsAmounts.price(0, "RUB")).isInstanceOf(PaymentProviderRefused.class);
        assertThatThrownBy(() -> NowPaymentsAmounts.price(100, "XYZW")).isInstanceOf(PaymentProviderRefused.class);
    }

    @Test
    void creditsWhatWasPaidInThePriceCurrencyRoundedDown() {
        BigDecimal price = new BigDecimal("1234.57");
        BigDecimal coins = new BigDecimal("12.926702");

        assertThat(NowPaymentsAmounts.paid(price, coins, coins, "RUB")).isEqualTo(123_457);
        assertThat(NowPaymentsAmounts.paid(price, coins, new BigDecimal("6.463351"), "RUB"))
                .isEqualTo(61_728);
        assertThat(NowPaymentsAmounts.paid(price, coins, new BigDecimal("14.2193722"), "RUB"))
                .isEqualTo(135_802);
        assertThat(NowPaymentsAmounts.paid(price, coins, BigDecimal.ZERO, "RUB"))
                .isZero();
        assertThat(NowPaymentsAmounts.paid(price, BigDecimal.ZERO, coins, "RUB"))
                .isZero();
    }

    @Test
    void creditsTheLargestSumAndTheSmallestExactly() {
        BigDecimal largest = new BigDecimal("99999999.99");
        BigDecimal coins = new BigDecimal("1047120.418848");

        assertThat(NowPaymentsAmounts.paid(largest, coins, coins, "RUB")).isEqualTo(9_999_999_999L);
        assertThat(NowPaymentsAmounts.paid(
                        new BigDecimal("0.01"), new BigDecimal("0.000105"), new BigDecimal("0.000105"), "RUB"))
                .isEqualTo(1);
        assertThat(NowPaymentsAmounts.paid(
                        new BigDecimal("0.01"), new BigDecimal("0.000105"), new BigDecimal("0.0001"), "RUB"))
                .isZero();
    }

    private static String json(BigDecimal amount) {
        return JSON.writeValueAsString(JSON.createObjectNode().put("price_amount", amount))
                .replace("{\"price_amount\":", "")
                .replace("}", "");
    }
}
