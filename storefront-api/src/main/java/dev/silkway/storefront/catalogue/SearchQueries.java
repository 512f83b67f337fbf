package dev.silkway.storefront.catalogue;

import dev.silkway.elastic.search.PriceRange;
import dev.silkway.elastic.search.ProductQuery;
import dev.silkway.elastic.search.ProductSearchRequests;
import dev.silkway.elastic.search.ProductSort;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Validates the search parameters and turns them into a {@link ProductQuery}: RUB prices into CNY
 * fen at the current rate, category codes into paths, facet values checked against the reference
 * data, a brand named in the text (in any script) into that brand. Every refusal names its parameter.
 */
@Component
class SearchQueries {

    private static final int MAX_VALUES = 50;

    private final CatalogueProperties properties;
    private final ExchangeRates rates;
    private final CategoryTree categories;
    private final Marketplaces marketplaces;
    private final QueryReadings readings;
    private final BrandNames brandNames;

    SearchQueries(
            CatalogueProperties properties,
            ExchangeRates rates,
            CategoryTree categories,
            Marketplaces marketplaces,
            QueryReadings readings,
            BrandNames brandNames) {
        this.properties = properties;
        this.rates = rates;
        this.categories = categories;
        this.marketplaces = marketplaces;
        this.readings = readings;
        this.brandNames = brandNames;
    }

    ProductQuery parse(SearchParameters p, BigDecimal rate) {
        ProductSort sort = p.sort() == null || p.sort().isBlank()
                ? ProductSort.RELEVANCE
                : ProductSort.fromCode(p.sort())
                        .orElseThrow(() -> InvalidParameter.of(
                                "sort", "must be one of relevance, rating, price_asc, price_desc, newest, popular"));
        int size = p.size() == null || p.size().isBlank() ? properties.defaultPageSize() : integer("size", p.size());
        if (size < 1 || size > properties.maxPageSize()) {
            throw InvalidParameter.of("size", "must be between 1 and " + properties.maxPageSize());
        }
        BigDecimal priceMin = money("priceMin", p.priceMin());
        BigDecimal priceMax = money("priceMax", p.priceMax());
        if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
            throw InvalidParameter.of("priceMin", "must not be greater than priceMax");
        }
        Double ratingMin = rating(p.ratingMin());
        boolean inStock = bool("inStock", p.inStock());
        List<String> categoryPaths = values("category", p.category()).stream()
                .map(code -> categories
                        .byCode(code)
                        .orElseThrow(() -> InvalidParameter.of("category", "unknown category " + quote(code)))
                        .path())
                .toList();
        List<String> marketplaceCodes = values("marketplace", p.marketplace());
        Set<String> unknown =
                marketplaceCodes.isEmpty() ? Set.of() : marketplaces.unknownMarketplaces(marketplaceCodes);
        if (!unknown.isEmpty()) {
            throw InvalidParameter.of(
                    "marketplace",
                    "unknown marketplace " + quote(unknown.iterator().next()));
        }
        List<String> brands = values("brand", p.brand());
        Set<String> unknownBrands = brands.isEmpty() ? Set.of() : marketplaces.unknownBrands(brands);
        if (!unknownBrands.isEmpty()) {
            throw InvalidParameter.of(
                    "brand", "unknown brand " + quote(unknownBrands.iterator().next()));
        }
        String text = ProductSearchRequests.cleanText(p.q());
        BrandNames.Named brand = text == null ? null : brandNames.named(text);
        if (brand != null) {
            text = brand.rest();
        }
        ProductQuery.Builder query = ProductQuery.builder()
                .text(text)
                .otherReadings(text == null ? List.of() : readings.of(text))
                .namedBrand(brand == null ? null : brand.brandId())
                .categories(categoryPaths)
                .marketplaces(marketplaceCodes)
                .brands(brands)
                .price(
                        priceMin == null ? null : ExchangeRates.toFen(priceMin, rate, RoundingMode.CEILING),
                        priceMax == null ? null : ExchangeRates.toFen(priceMax, rate, RoundingMode.FLOOR))
                .ratingMin(ratingMin)
                .inStockOnly(inStock)
                .sort(sort)
                .size(size)
                .priceBuckets(priceBuckets(rate));
        if (p.cursor() != null && !p.cursor().isEmpty()) {
            query.searchAfter(Cursor.decode(p.cursor(), sort));
        }
        return query.build();
    }

    /** The RUB bucket boundaries as fen ranges; bucket i spans boundary i-1 (inclusive) to boundary i. */
    List<PriceRange> priceBuckets(BigDecimal rate) {
        List<PriceRange> ranges = new ArrayList<>();
        Long previous = null;
        for (BigDecimal boundary : properties.priceBuckets()) {
            long fen = ExchangeRates.toFen(boundary, rate, RoundingMode.CEILING);
            ranges.add(new PriceRange(previous, fen));
            previous = fen;
        }
        ranges.add(new PriceRange(previous, null));
        return ranges;
    }

    private static List<String> values(String parameter, @Nullable List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > 200) {
                throw InvalidParameter.of(parameter, "a value is longer than 200 characters");
            }
            values.add(trimmed);
        }
        if (values.size() > MAX_VALUES) {
            throw InvalidParameter.of(parameter, "at most " + MAX_VALUES + " values");
        }
        return List.copyOf(values);
    }

    private static int integer(String parameter, String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidParameter.of(parameter, "must be a whole number");
        }
    }

    private static @Nullable BigDecimal money(String parameter, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidParameter.of(parameter, "must be an amount in RUB, e.g. 1500 or 1499.99");
        }
        if (value.signum() < 0 || value.scale() > 2 || value.compareTo(new BigDecimal("100000000")) > 0) {
            throw InvalidParameter.of(parameter, "must be between 0 and 100000000 with at most 2 decimals");
        }
        return value;
    }

    private static @Nullable Double rating(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (value >= 0 && value <= 5) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidParameter.of("ratingMin", "must be a number between 0 and 5");
    }

    private static boolean bool(String parameter, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidParameter.of(parameter, "must be true or false");
        };
    }

    private static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
