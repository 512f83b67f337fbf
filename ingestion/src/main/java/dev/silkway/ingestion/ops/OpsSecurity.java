package dev.silkway.ingestion.ops;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The ops API takes the storefront's access tokens: RS256 JWTs checked against its JWKS, the {@code roles} claim as
 * authorities (the decoder and the converter come from the platform's {@code ResourceServerAutoConfiguration}).
 * {@code /api/v1/ops/**} needs OPERATOR or ADMIN: operators watch, run and restart. Declaring or changing a
 * marketplace (enabling it, its schedule) and rescheduling any job need ADMIN. No token is a 401,
 * a token without the role a 403, both as problem details. Actuator health, info and prometheus stay open for probes.
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    @Bean
    SecurityFilterChain opsFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/ops/marketplaces/*/dry-run")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/ops/marketplaces")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/ops/marketplaces/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/ops/jobs/*/schedule")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/ops/**")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.accessDeniedHandler(
                                (request, response, denied) -> problem(response, HttpStatus.FORBIDDEN))
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problem(response, HttpStatus.UNAUTHORIZED);
                        }))
                .build();
    }

    private static void problem(HttpServletResponse response, HttpStatus status) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + "}");
    }
}
