package dev.silkway.ingestion.marketplace.jd;

import dev.silkway.ingestion.marketplace.transport.TransportSettings;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.marketplaces.jd.*}: JD Union credentials and paging; {@code /routerjson} is appended to
 * {@code base-url}. The gateway error codes are not all public (⚠): which ones mean bad credentials, throttling or
 * a platform fault is configurable.
 */
@ConfigurationProperties("silkway.marketplaces.jd")
public record JdProperties(
        @DefaultValue("https://api.jd.com") URI baseUrl,
        String appKey,
        String appSecret,
        @DefaultValue("") String accessToken,
        @DefaultValue("") String keyword,
        @DefaultValue("30") int pageSize,
        @DefaultValue TransportSettings transport,
        @DefaultValue("4000") int maxTextLength,
        @DefaultValue({"15", "16", "19"}) List<String> credentialErrorCodes,
        @DefaultValue("71") List<String> rateLimitErrorCodes,
        @DefaultValue({"1", "66", "67"}) List<String> systemErrorCodes) {

    public JdProperties {
        if (appKey == null || appKey.isBlank() || appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("silkway.marketplaces.jd.app-key and app-secret are required");
        }
        if (pageSize < 1 || pageSize > 30) {
            throw new IllegalArgumentException("silkway.marketplaces.jd.page-size must be 1..30 (JD Union limit)");
        }
        accessToken = accessToken == null ? "" : accessToken;
        keyword = keyword == null ? "" : keyword;
        credentialErrorCodes = List.copyOf(credentialErrorCodes);
        rateLimitErrorCodes = List.copyOf(rateLimitErrorCodes);
        systemErrorCodes = List.copyOf(systemErrorCodes);
    }
}
