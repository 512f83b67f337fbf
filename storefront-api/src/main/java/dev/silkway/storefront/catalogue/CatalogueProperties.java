package dev.silkway.storefront.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Catalogue settings.
 *
 * @param defaultPageSize products per page when {@code size} is absent
 * @param maxPageSize the largest {@code size} accepted (larger is a 400)
 * @param priceBuckets the boundaries of the price facet in RUB (ascending)
 * @param fallbackCnyRate RUB per CNY used only while the exchange-rate table is still empty (logged)
 * @param cacheTtl how long the exchange rate, category tree and reference lists are cached
 * @param elasticsearchConnections the Elasticsearch client's connections per node: every search in
 *     flight holds one, so this bounds the searches sent at once (the client's own default, 10, makes
 *     the eleventh concurrent search wait in the client)
 */
@Validated
@ConfigurationProperties("silkway.catalogue")
public record CatalogueProperties(
        @DefaultValue("20") @Min(1) @Max(100) int defaultPageSize,
        @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,

        @DefaultValue({"1000", "3000", "5000", "10000", "20000", "50000"})
        List<BigDecimal> priceBuckets,

        @DefaultValue("12.5") @Nullable BigDecimal fallbackCnyRate,
        @DefaultValue("60s") Duration cacheTtl,
        @DefaultValue("64") @Min(1) @Max(1024) int elasticsearchConnections) {}
