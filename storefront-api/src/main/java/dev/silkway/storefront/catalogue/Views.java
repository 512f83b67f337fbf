package dev.silkway.storefront.catalogue;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The catalogue's response shapes (API.md, catalogue). */
final class Views {

    private Views() {}

    /** A price in the display currency (RUB) with the marketplace's own price (CNY) beside it. */
    record Price(@Nullable BigDecimal amount, String currency, Money original) {}

    record Money(BigDecimal amount, String currency) {}

    record ProductSummary(
            String id,
            String title,
            @Nullable String brand,
            String marketplace,
            @Nullable String category,
            @Nullable String imageUrl,
            @Nullable Price price,
            @Nullable Double rating,
            long reviewCount,
            boolean inStock) {}

    record ValueCount(String value, long count) {}

    record RangeCount(@Nullable BigDecimal from, @Nullable BigDecimal to, long count) {}

    record RatingCount(double from, long count) {}

    record Facets(
            List<ValueCount> category,
            List<ValueCount> marketplace,
            List<ValueCount> brand,
            List<RangeCount> price,
            List<RatingCount> rating) {}

    record SearchPage(
            List<ProductSummary> items,
            long total,
            @Nullable String nextCursor,
            Facets facets) {}

    record Suggestions(List<String> suggestions) {}
}
