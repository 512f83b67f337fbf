package dev.silkway.tracking.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The webhooks take no credential (carriers send none): they bypass the token check, every delivery
 * being verified by its carrier's receiver instead. The rest keeps the platform's resource-server chain.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    @Bean
    WebSecurityCustomizer carrierWebhooksWithoutToken() {
        return web ->
                web.ignoring().requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/carriers/webhooks/*");
    }
}
