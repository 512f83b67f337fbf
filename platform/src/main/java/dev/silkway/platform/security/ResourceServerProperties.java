package dev.silkway.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an application verifies the storefront's access tokens.
 *
 * @param jwksUri the storefront's JWKS ({@code SILKWAY_JWKS_URI})
 * @param expectedIssuer the {@code iss} every token must carry
 * @param audience this application's name in a token's {@code aud}: a token without it is refused (the
 *     storefront gives shoppers' tokens its own audience only, staff tokens every application's); defaults to
 *     {@code spring.application.name} (see {@code silkway-defaults.yml})
 */
@ConfigurationProperties("silkway.security")
public record ResourceServerProperties(
        @DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json")
        String jwksUri,

        @DefaultValue("silkway-storefront") String expectedIssuer,

        @DefaultValue("") String audience) {}
