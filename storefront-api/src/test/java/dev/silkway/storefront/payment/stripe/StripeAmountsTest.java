package dev.silkway.storefront.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.storefront.payment.PaymentProviderRefused;
import org.junit.jupiter.api.Test;

/** Kopecks as Stripe's integer minor units, at the boundaries of what Stripe accepts. */
class StripeAmountsTest {

    @Test
    void sendsKopecksUnchangedAsStripesMinorUnits() {
        assertThat(StripeAmounts.toStripe(1, "rub")).isEqualTo(1);
        assertThat(StripeAmounts.toStripe(123_457, "rub")).isEqualTo(123_457);
        assertThat(StripeAmounts.toStripe(99_999_999, "rub")).isEqualTo(99_999_999);
        assertThat(StripeAmounts.currency("RUB")).isEqualTo("rub");
        assertThat(StripeAmounts.fromStripe("rub")).isEqualTo("RUB");
    }

    @Test
    void refusesWhatStripeWouldRefuseBeforeCallingIt() {
        assertThatThrownBy(() -> StripeAmounts.toStripe(9_999_999_999L, "rub"))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("amount_too_large"));
        assertThatThrownBy(() -> StripeAmounts.toStripe(100_000_000, "rub")).isInstanceOf(PaymentProviderRefused.class);
        assertThatThrownBy(() -> StripeAmounts.toStripe(0, "rub"))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("amount_too_small"));
        assertThatThrownBy(() -> StripeAmounts.currency("roubles")).isInstanceOf(PaymentProviderRefused.class);
    }
}
