package dev.silkway.storefront.quote;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuoteProperties.class)
class QuoteConfiguration {

    @Bean
    LandedCost landedCost(QuoteProperties properties) {
        return new LandedCost(properties);
    }
}
