package dev.silkway.storefront.catalogue;

import dev.silkway.storefront.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The catalogue's response shapes (API.md, catalogue). */
final class Views {

    private Views() {}

    /**
     * A price in the display currency (RUB) with the marketplace's own price (CNY) beside it; amounts as string
     * decimals like every {@link Money}.
     */
    record Price(
            @Schema(type = "string", pattern = "^-?\\d+\\.\\d{2}$", example = "7644.69")
            String amount,

            String currency,
            Money original) {

        static Price of(BigDecimal rub, BigDecimal cny) {
            return new Price(Money.decimal(rub), "RUB", Money.of(cny, "CNY"));
        }
    }

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

    /** A price facet's bucket in RUB, its bounds string decimals like every {@link Money}. */
    record RangeCount(@Nullable String from, @Nullable String to, long count) {

        static RangeCount of(@Nullable BigDecimal from, @Nullable BigDecimal to, long count) {
            return new RangeCount(
                    from == null ? null : Money.decimal(from), to == null ? null : Money.decimal(to), count);
        }
    }

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
