package dev.silkway.storefront.payment.stripe;

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
        return new StripeGateway(
                properties, ProviderHttp.create(PaymentProvider.STRIPE, properties.bounds()), json, clock);
    }
}
