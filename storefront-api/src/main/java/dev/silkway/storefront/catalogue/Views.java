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

    /**
     * A product in a result list: {@code title} in the shopper's language (the original where it has
     * no translation) and {@code titleOriginal} as the marketplace wrote it; {@code category} is the
     * category's code and {@code categoryName} its name in the shopper's language.
     */
    record ProductSummary(
            String id,
            String title,
            String titleOriginal,
            @Nullable String brand,
            String marketplace,
            @Nullable String category,
            @Nullable String categoryName,
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

    /**
     * The category that the text names ("кроссовки" → sneakers), offered as a facet value to choose:
     * its code, its name in the shopper's language and how many of the hits are in it.
     */
    record CategoryIntent(String value, String name, long count) {}

    record SearchPage(
            List<ProductSummary> items,
            long total,
            @Nullable String nextCursor,
            Facets facets,
            @Nullable CategoryIntent categoryIntent) {}

    record Suggestions(List<String> suggestions) {}
}
