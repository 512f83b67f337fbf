package dev.silkway.ingestion.marketplace.poizon;

import dev.silkway.ingestion.marketplace.transport.TransportSettings;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.marketplaces.poizon.*}: the open platform is mostly unofficial (⚠), so its paths, its success code
 * and its error codes are all configurable. Paging goes through {@code article-numbers} (declared) or, against the
 * sandbox only, {@code id-feed-url}.
 */
@ConfigurationProperties("silkway.marketplaces.poizon")
public record PoizonProperties(
        @DefaultValue("https://openapi.dewu.com") URI baseUrl,
        String appKey,
        String appSecret,
        @DefaultValue List<String> articleNumbers,
        @Nullable URI idFeedUrl,
        @DefaultValue("20") int pageSize,
        @DefaultValue("true") boolean fetchLowestPrices,

        @DefaultValue("/dop/api/v1/spu/batch_article_number")
        String spuPath,

        @DefaultValue("/dop/api/v1/bidding/normal/normal_lowest_price")
        String lowestPricePath,

        @DefaultValue("200") String successCode,
        @DefaultValue({"401", "403"}) List<String> credentialErrorCodes,
        @DefaultValue("429") List<String> rateLimitErrorCodes,
        @DefaultValue({"500", "503"}) List<String> systemErrorCodes,
        @DefaultValue TransportSettings transport,
        @DefaultValue("4000") int maxTextLength) {

    public PoizonProperties {
        if (appKey == null || appKey.isBlank() || appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("silkway.marketplaces.poizon.app-key and app-secret are required");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("silkway.marketplaces.poizon.page-size must be 1..100");
        }
        articleNumbers = articleNumbers == null ? List.of() : List.copyOf(articleNumbers);
        credentialErrorCodes = List.copyOf(credentialErrorCodes);
        rateLimitErrorCodes = List.copyOf(rateLimitErrorCodes);
        systemErrorCodes = List.copyOf(systemErrorCodes);
    }
}
