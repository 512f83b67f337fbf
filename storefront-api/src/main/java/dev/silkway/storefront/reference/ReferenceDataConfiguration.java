package dev.silkway.storefront.reference;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferenceDataProperties.class)
class ReferenceDataConfiguration {}
