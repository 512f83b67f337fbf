package dev.silkway.elastic.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One product search: text, filters (already resolved and validated by the caller), facet price
 * buckets, order, page size and the sort values of the previous page's last hit.
 *
 * @param categoryPaths category subtrees (materialized code paths such as {@code shoes/sneakers})
 * @param priceMinMinor lowest price in CNY minor units, inclusive
 * @param priceMaxMinor highest price in CNY minor units, inclusive
 * @param ratingBuckets the lower bounds of the rating facet's buckets ("4 and up")
 */
public record ProductQuery(
        @Nullable String text,
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
        categoryPaths = List.copyOf(categoryPaths);
        marketplaces = List.copyOf(marketplaces);
        brands = List.copyOf(brands);
        priceBuckets = List.copyOf(priceBuckets);
        ratingBuckets = List.copyOf(ratingBuckets);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /** Everything, by relevance, 20 a page: the start of a builder-like chain of withers. */
    public static ProductQuery all() {
        return new ProductQuery(
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                false,
                ProductSort.RELEVANCE,
                20,
                null,
                List.of(),
                DEFAULT_RATING_BUCKETS);
    }

    public ProductQuery withText(@Nullable String value) {
        return new ProductQuery(
                value,
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

    public ProductQuery withCategories(List<String> value) {
        return new ProductQuery(
                text,
                value,
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

    public ProductQuery withMarketplaces(List<String> value) {
        return new ProductQuery(
                text,
                categoryPaths,
                value,
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

    public ProductQuery withBrands(List<String> value) {
        return new ProductQuery(
                text,
                categoryPaths,
                marketplaces,
                value,
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

    public ProductQuery withPrice(@Nullable Long minMinor, @Nullable Long maxMinor) {
        return new ProductQuery(
                text,
                categoryPaths,
                marketplaces,
                brands,
                minMinor,
                maxMinor,
                ratingMin,
                inStockOnly,
                sort,
                size,
                searchAfter,
                priceBuckets,
                ratingBuckets);
    }

    public ProductQuery withRatingMin(@Nullable Double value) {
        return new ProductQuery(
                text,
                categoryPaths,
                marketplaces,
                brands,
                priceMinMinor,
                priceMaxMinor,
                value,
                inStockOnly,
                sort,
                size,
                searchAfter,
                priceBuckets,
                ratingBuckets);
    }

    public ProductQuery withInStockOnly(boolean value) {
        return new ProductQuery(
                text,
                categoryPaths,
                marketplaces,
                brands,
                priceMinMinor,
                priceMaxMinor,
                ratingMin,
                value,
                sort,
                size,
                searchAfter,
                priceBuckets,
                ratingBuckets);
    }

    public ProductQuery withSort(ProductSort value) {
        return new ProductQuery(
                text,
                categoryPaths,
                marketplaces,
                brands,
                priceMinMinor,
                priceMaxMinor,
                ratingMin,
                inStockOnly,
                value,
                size,
                searchAfter,
                priceBuckets,
                ratingBuckets);
    }

    public ProductQuery withSize(int value) {
        return new ProductQuery(
                text,
                categoryPaths,
                marketplaces,
                brands,
                priceMinMinor,
                priceMaxMinor,
                ratingMin,
                inStockOnly,
                sort,
                value,
                searchAfter,
                priceBuckets,
                ratingBuckets);
    }

    public ProductQuery withSearchAfter(@Nullable List<FieldValue> value) {
        return new ProductQuery(
                text,
                categoryPaths,
                marketplaces,
                brands,
                priceMinMinor,
                priceMaxMinor,
                ratingMin,
                inStockOnly,
                sort,
                size,
                value,
                priceBuckets,
                ratingBuckets);
    }

    public ProductQuery withPriceBuckets(List<PriceRange> value) {
        return new ProductQuery(
                text,
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
                value,
                ratingBuckets);
    }
}
