package dev.silkway.ingestion.marketplace.pinduoduo;

import dev.silkway.ingestion.marketplace.transport.TransportSettings;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.marketplaces.pinduoduo.*}: {@code client-id}/{@code client-secret}, paging, and the throttling
 * error codes (⚠ not in the public card: configurable).
 */
@ConfigurationProperties("silkway.marketplaces.pinduoduo")
public record PinduoduoProperties(
        @DefaultValue("https://gw-api.pinduoduo.com") URI baseUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("") String accessToken,
        @DefaultValue("") String keyword,
        @DefaultValue("") String pid,
        @DefaultValue("100") int pageSize,
        @DefaultValue({"52101", "52102", "52103"}) List<String> rateLimitErrorCodes,
        @DefaultValue TransportSettings transport,
        @DefaultValue("4000") int maxTextLength) {

    public PinduoduoProperties {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "silkway.marketplaces.pinduoduo.client-id and client-secret are required");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("silkway.marketplaces.pinduoduo.page-size must be 1..100");
        }
        accessToken = accessToken == null ? "" : accessToken;
        keyword = keyword == null ? "" : keyword;
        pid = pid == null ? "" : pid;
        rateLimitErrorCodes = List.copyOf(rateLimitErrorCodes);
    }
}
