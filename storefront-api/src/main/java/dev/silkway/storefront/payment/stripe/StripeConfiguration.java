package dev.silkway.storefront.payment.stripe;

import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.storefront.payment.PaymentGateway;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.http.ProviderHttp;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The Stripe gateway on the platform's bounded HTTP, pacing and retry, per {@link StripeProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

    @Bean
    PaymentGateway stripeGateway(StripeProperties properties, ObjectMapper json, Clock clock) {
        return new StripeGateway(properties, http(properties), json, clock);
    }

    static ProviderHttp http(StripeProperties properties) {
        return new ProviderHttp(
                PaymentProvider.STRIPE,
                OutboundHttp.create(properties.connectTimeout()),
                properties.answerLimits(),
                RateLimiter.create(properties.requestsPerSecond(), 1),
                ProviderHttp.retry(PaymentProvider.STRIPE, properties.backoff(), properties.retryBudget()));
    }
}
