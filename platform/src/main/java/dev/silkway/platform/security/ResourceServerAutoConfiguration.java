package dev.silkway.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Makes an application a resource server for the storefront's access tokens: RS256 JWTs checked
 * against the storefront's JWKS ({@code silkway.security.jwks-uri}), carrying this application's audience
 * ({@code silkway.security.audience}) and refused once the account is blocked, its roles changed or its session
 * ended ({@link AccountSessionGuard}), the {@code roles} claim mapped
 * to {@code ROLE_*} authorities, {@code /api/v1/ops/**} open to OPERATOR and ADMIN only, actuator
 * health (its status only without a staff token), info and prometheus and the OpenAPI document open, everything
 * else authenticated.
 *
 * <p>Active only where Spring Security's resource server is on the classpath (an application opts in
 * by depending on {@code spring-boot-starter-security-oauth2-resource-server}), and backs off when the
 * application declares its own {@link SecurityFilterChain} or {@link JwtDecoder} (the storefront does).
 * Switch off with {@code silkway.security.resource-server.enabled=false}.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
        name = {
            "org.springframework.security.web.SecurityFilterChain",
            "org.springframework.security.oauth2.jwt.NimbusJwtDecoder",
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter"
        })
@ConditionalOnProperty(prefix = "silkway.security.resource-server", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResourceServerProperties.class)
public class ResourceServerAutoConfiguration {

    static final String ROLES_CLAIM = AccountSessionGuard.ROLES_CLAIM;

    /** Where the application has the database (every Silkway application does), a blocked account's token fails. */
    @Bean
    @ConditionalOnBean(JdbcClient.class)
    @ConditionalOnMissingBean
    AccountSessionGuard accountSessionGuard(JdbcClient jdbc) {
        return new AccountSessionGuard(jdbc);
    }

    /** Spring Security's strict firewall with its header checks in loops ({@link HeaderChecks}). */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall silkwayHttpFirewall() {
        return HeaderChecks.firewall();
    }

    /** The {@code Authorization: Bearer} token as Spring Security's default finds it, without its regex. */
    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    BearerTokenResolver silkwayBearerTokenResolver() {
        return HeaderChecks.bearerTokens();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder silkwayJwtDecoder(ResourceServerProperties properties, ObjectProvider<AccountSessionGuard> guard) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                JwtValidators.createDefaultWithIssuer(properties.expectedIssuer()),
                new JwtAudienceValidator(properties.audience())));
        guard.ifAvailable(validators::add);
        return VerifiedTokens.of(decoder, new DelegatingOAuth2TokenValidator<>(validators));
    }

    /**
     * The {@code roles} claim as {@code ROLE_*} authorities. An application with its own filter chain gets
     * it (and the decoder above) with {@code http.oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))}.
     */
    @Bean
    @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
    JwtAuthenticationConverter silkwayJwtAuthenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(authorities);
        return roles;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain silkwayResourceServerFilterChain(HttpSecurity http, JwtAuthenticationConverter roles)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/error")
                        .permitAll()
                        .requestMatchers("/api/v1/ops/**")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(roles)))
                .exceptionHandling(e -> e.accessDeniedHandler(
                                (request, response, denied) -> problem(response, HttpStatus.FORBIDDEN))
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problem(response, HttpStatus.UNAUTHORIZED);
                        }));
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + "}");
    }
}
