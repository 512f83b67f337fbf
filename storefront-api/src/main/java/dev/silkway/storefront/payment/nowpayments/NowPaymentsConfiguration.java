package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.storefront.payment.PaymentGateway;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.http.ProviderHttp;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The NOWPayments gateway on the platform's bounded HTTP, pacing and retry, per {@link NowPaymentsProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NowPaymentsProperties.class)
class NowPaymentsConfiguration {

    @Bean
    PaymentGateway nowPaymentsGateway(NowPaymentsProperties properties, ObjectMapper json) {
        return new NowPaymentsGateway(
                properties, ProviderHttp.create(PaymentProvider.NOWPAYMENTS, properties.bounds()), json);
    }
}
