package dev.silkway.storefront.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PiiProperties.class)
class CryptoConfiguration {}
