package dev.silkway.storefront.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.silkway.platform.security.AccountSessionChanges;
import dev.silkway.platform.security.AccountSessionGuard;
import dev.silkway.platform.security.KeptSessions;
import dev.silkway.platform.security.ResourceServerProperties;
import dev.silkway.platform.security.VerifiedTokens;
import dev.silkway.storefront.web.ProblemWriter;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Stateless bearer-token security: the storefront signs its own access tokens and verifies them
 * with the same key; every request re-checks the account (blocked, sessions revoked).
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, JwtAuthenticationConverter roles)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers("/.well-known/jwks.json", "/error")
                        .permitAll()
                        .requestMatchers(
                                "/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/auth/register",
                                "/api/v1/auth/login",
                                "/api/v1/auth/refresh",
                                "/api/v1/auth/logout",
                                "/api/v1/auth/password-reset",
                                "/api/v1/auth/password-reset/confirm",
                                "/api/v1/auth/verify-email")
                        .permitAll()
                        .requestMatchers(
                                "/api/v1/admin/orders",
                                "/api/v1/admin/orders/**",
                                "/api/v1/admin/payments",
                                "/api/v1/admin/payments/**")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers("/api/v1/admin/fulfilment/**")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/me", "/api/v1/me/**")
                        .authenticated()
                        .requestMatchers("/api/v1/checkout/**", "/api/v1/orders", "/api/v1/orders/**")
                        .authenticated()
                        .requestMatchers("/api/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    /**
     * No observation (metrics, spans) per security filter, authentication and authorization: they cost
     * every request, the catalogue's public searches included, more CPU than the search's own request
     * building. {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtAuthenticationConverter rolesClaimConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(AccessTokens.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    RSAKey signingKey(AuthProperties properties) {
        return SigningKey.from(properties.jwt());
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    /** The access tokens found valid, kept until their account changes (the storefront's every request checks one). */
    @Bean
    KeptSessions keptSessions() {
        return new KeptSessions();
    }

    @Bean
    AccountSessionChanges accountSessionChanges(DataSource dataSource, KeptSessions kept) {
        return new AccountSessionChanges(dataSource, kept);
    }

    @Bean
    AccountSessionGuard accountSessionGuard(JdbcClient jdbc, KeptSessions kept) {
        return new AccountSessionGuard(jdbc, kept);
    }

    @Bean
    JwtDecoder jwtDecoder(
            RSAKey signingKey,
            AuthProperties properties,
            ResourceServerProperties resourceServer,
            AccountSessionGuard guard)
            throws Exception {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        return VerifiedTokens.of(
                decoder,
                new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()),
                        new JwtAudienceValidator(resourceServer.audience()),
                        guard));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
