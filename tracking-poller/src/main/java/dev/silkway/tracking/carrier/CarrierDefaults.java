package dev.silkway.tracking.carrier;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The carriers' default URLs ({@code carriers.properties}: the sandbox at {@code silkway.sandbox.url}), below
 * application.yml and the environment in precedence, so that any of them overrides a default.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:carriers.properties")
class CarrierDefaults {}
