package dev.silkway.storefront.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** CORS: only the configured origins may call the API from a browser (none by default). */
@Configuration
@EnableConfigurationProperties(WebProperties.class)
class WebConfiguration {

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.corsAllowedOrigins().stream()
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .toList();
        if (origins.isEmpty()) {
            return source;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(origins);
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Cart-Token"));
        api.setExposedHeaders(List.of("Location", "Retry-After", "X-Cart-Token"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
