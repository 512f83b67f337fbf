package dev.silkway.ingestion.marketplace.alibaba1688;

import dev.silkway.ingestion.marketplace.transport.TransportSettings;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.marketplaces.alibaba1688.*}: 1688 has no listing API here, so the run pages through
 * {@code product-ids} (declared) or, against the sandbox only, through {@code id-feed-url}. Gateway error codes are
 * configurable (⚠ only gw.AppKeyNotFound and gw.SignatureInvalid are confirmed).
 */
@ConfigurationProperties("silkway.marketplaces.alibaba1688")
public record Alibaba1688Properties(
        @DefaultValue("https://gw.open.1688.com") URI baseUrl,
        String appKey,
        String appSecret,
        @DefaultValue("") String accessToken,
        @DefaultValue List<String> productIds,
        @Nullable URI idFeedUrl,
        @DefaultValue("20") int pageSize,
        @DefaultValue TransportSettings transport,
        @DefaultValue("4000") int maxTextLength,

        @DefaultValue({"gw.AppKeyNotFound", "gw.SignatureInvalid", "gw.InvalidAccessToken", "gw.AccessTokenExpired"})
        List<String> credentialErrorCodes,

        @DefaultValue({"gw.QosAppFrequencyLimit", "gw.QosApiFrequencyLimit"})
        List<String> rateLimitErrorCodes) {

    public Alibaba1688Properties {
        if (appKey == null || appKey.isBlank() || appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("silkway.marketplaces.alibaba1688.app-key and app-secret are required");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("silkway.marketplaces.alibaba1688.page-size must be 1..200");
        }
        accessToken = accessToken == null ? "" : accessToken;
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
        credentialErrorCodes = List.copyOf(credentialErrorCodes);
        rateLimitErrorCodes = List.copyOf(rateLimitErrorCodes);
    }
}
