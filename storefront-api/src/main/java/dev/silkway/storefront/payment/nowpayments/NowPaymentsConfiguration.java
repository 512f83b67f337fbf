package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.pacing.RateLimiter;
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
        return new NowPaymentsGateway(properties, http(properties), json);
    }

    static ProviderHttp http(NowPaymentsProperties properties) {
        return new ProviderHttp(
                PaymentProvider.NOWPAYMENTS,
                OutboundHttp.create(properties.connectTimeout()),
                properties.answerLimits(),
                RateLimiter.create(properties.requestsPerSecond(), 1),
                ProviderHttp.retry(PaymentProvider.NOWPAYMENTS, properties.backoff(), properties.retryBudget()));
    }
}
