package dev.silkway.storefront.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param corsAllowedOrigins origins a browser may call the API from ({@code SILKWAY_CORS_ALLOWED_ORIGINS},
 *     comma-separated); none by default
 * @param maxBodySize the largest request body accepted
 * @param trustedProxies the reverse proxies ({@code SILKWAY_TRUSTED_PROXIES}: addresses or CIDR ranges,
 *     comma-separated) whose {@code X-Forwarded-For} names the client; none by default, so the header is ignored
 */
@ConfigurationProperties("silkway.web")
public record WebProperties(
        @DefaultValue("") List<String> corsAllowedOrigins,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("") List<String> trustedProxies) {}
