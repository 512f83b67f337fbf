package dev.silkway.storefront.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRoutingTest {

    private final PaymentsProperties.Routing routing = new PaymentsProperties.Routing(
            Map.of("KZ", PaymentProvider.STRIPE),
            Map.of("RUB", PaymentProvider.YOOKASSA),
            PaymentProvider.STRIPE,
            PaymentProvider.YOOKASSA,
            PaymentProvider.NOWPAYMENTS);

    @Test
    void cardsInRoublesGoToYooKassaAndOtherCardsToStripe() {
        assertThat(routing.provider(PaymentRequest.PaymentKind.CARD, "RUB", "RU"))
                .isEqualTo(PaymentProvider.YOOKASSA);
        assertThat(routing.provider(PaymentRequest.PaymentKind.CARD, "USD", "RU"))
                .isEqualTo(PaymentProvider.STRIPE);
    }

    @Test
    void aCountryRuleComesBeforeTheCurrencyRule() {
        assertThat(routing.provider(PaymentRequest.PaymentKind.CARD, "RUB", "KZ"))
                .isEqualTo(PaymentProvider.STRIPE);
    }

    @Test
    void eWalletsGoToYooKassaAndCryptoToNowPayments() {
        assertThat(routing.provider(PaymentRequest.PaymentKind.EWALLET, "RUB", "BY"))
                .isEqualTo(PaymentProvider.YOOKASSA);
        assertThat(routing.provider(PaymentRequest.PaymentKind.CRYPTO, "RUB", "RU"))
                .isEqualTo(PaymentProvider.NOWPAYMENTS);
    }
}
