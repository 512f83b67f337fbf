package dev.silkway.ingestion.ops;

import dev.silkway.ingestion.config.IngestionProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/v1/ops/**} needs role OPERATOR or ADMIN (declaring feeds: ADMIN). Until the accounts' JWTs land,
 * the only credential is one HTTP Basic operator from the environment ({@code SILKWAY_OPS_USERNAME},
 * {@code SILKWAY_OPS_PASSWORD}, no default): unset, every ops call is refused. Actuator stays open for probes.
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    @Bean
    SecurityFilterChain opsFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/**")
                        .permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/ops/marketplaces/*/dry-run")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/ops/marketplaces")
                        .hasRole("ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.PATCH, "/api/v1/ops/marketplaces/*")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/ops/**")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .anyRequest()
                        .denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    InMemoryUserDetailsManager opsUsers(IngestionProperties properties) {
        IngestionProperties.Ops ops = properties.ops();
        List<UserDetails> users = new ArrayList<>();
        if (ops.username() != null
                && !ops.username().isBlank()
                && ops.password() != null
                && ops.password().length() >= 12) {
            users.add(User.withUsername(ops.username())
                    .password(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                            .encode(ops.password()))
                    .roles(ops.role())
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
