package dev.silkway.elastic.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One product search: text, filters (already resolved and validated by the caller), facet price
 * buckets, order, page size and the sort values of the previous page's last hit.
 *
 * @param otherReadings the text read otherwise (another keyboard layout, a transliteration), matched beside it
 * @param namedBrandId the brand the shopper's query named (in any script, through its aliases): its goods are
 *     matched on the brand, not on the words of its name, and {@code text} holds what the query says besides
 * @param categoryPaths category subtrees (materialized code paths such as {@code shoes/sneakers})
 * @param priceMinMinor lowest price in CNY minor units, inclusive
 * @param priceMaxMinor highest price in CNY minor units, inclusive
 * @param ratingBuckets the lower bounds of the rating facet's buckets ("4 and up")
 */
public record ProductQuery(
        @Nullable String text,
        List<String> otherReadings,
        @Nullable String namedBrandId,
        List<String> categoryPaths,
        List<String> marketplaces,
        List<String> brands,
        @Nullable Long priceMinMinor,
        @Nullable Long priceMaxMinor,
        @Nullable Double ratingMin,
        boolean inStockOnly,
        ProductSort sort,
        int size,
        @Nullable List<FieldValue> searchAfter,
        List<PriceRange> priceBuckets,
        List<Double> ratingBuckets) {

    public static final List<Double> DEFAULT_RATING_BUCKETS = List.of(4.5, 4.0, 3.5, 3.0);

    public ProductQuery {
        otherReadings = List.copyOf(otherReadings);
        categoryPaths = List.copyOf(categoryPaths);
        marketplaces = List.copyOf(marketplaces);
        brands = List.copyOf(brands);
        priceBuckets = List.copyOf(priceBuckets);
        ratingBuckets = List.copyOf(ratingBuckets);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /** A query for everything, by relevance, 20 a page, until the builder says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a {@link ProductQuery}; unset parts keep the defaults of {@link #builder()}. */
    public static final class Builder {
        private @Nullable String text;
        private List<String> otherReadings = List.of();
        private @Nullable String namedBrandId;
        private List<String> categoryPaths = List.of();
        private List<String> marketplaces = List.of();
        private List<String> brands = List.of();
        private @Nullable Long priceMinMinor;
        private @Nullable Long priceMaxMinor;
        private @Nullable Double ratingMin;
        private boolean inStockOnly;
        private ProductSort sort = ProductSort.RELEVANCE;
        private int size = 20;
        private @Nullable List<FieldValue> searchAfter;
        private List<PriceRange> priceBuckets = List.of();
        private List<Double> ratingBuckets = DEFAULT_RATING_BUCKETS;

        private Builder() {}

        public Builder text(@Nullable String value) {
            text = value;
            return this;
        }

        public Builder otherReadings(List<String> readings) {
            otherReadings = readings;
            return this;
        }

        public Builder namedBrand(@Nullable String brandId) {
            namedBrandId = brandId;
            return this;
        }

        public Builder categories(List<String> paths) {
            categoryPaths = paths;
            return this;
        }

        public Builder marketplaces(List<String> codes) {
            marketplaces = codes;
            return this;
        }

        public Builder brands(List<String> names) {
            brands = names;
            return this;
        }

        public Builder price(@Nullable Long minMinor, @Nullable Long maxMinor) {
            priceMinMinor = minMinor;
            priceMaxMinor = maxMinor;
            return this;
        }

        public Builder ratingMin(@Nullable Double value) {
            ratingMin = value;
            return this;
        }

        public Builder inStockOnly(boolean value) {
            inStockOnly = value;
            return this;
        }

        public Builder sort(ProductSort value) {
            sort = value;
            return this;
        }

        public Builder size(int value) {
            size = value;
            return this;
        }

        public Builder searchAfter(@Nullable List<FieldValue> sortValues) {
            searchAfter = sortValues;
            return this;
        }

        public Builder priceBuckets(List<PriceRange> ranges) {
            priceBuckets = ranges;
            return this;
        }

        public Builder ratingBuckets(List<Double> lowerBounds) {
            ratingBuckets = lowerBounds;
            return this;
        }

        public ProductQuery build() {
            return new ProductQuery(
                    text,
                    otherReadings,
                    namedBrandId,
                    categoryPaths,
                    marketplaces,
                    brands,
                    priceMinMinor,
                    priceMaxMinor,
                    ratingMin,
                    inStockOnly,
                    sort,
                    size,
                    searchAfter,
                    priceBuckets,
                    ratingBuckets);
        }
    }
}
