package dev.silkway.elastic.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggester;
import dev.silkway.elastic.product.ProductIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Elasticsearch requests of the product search.
 *
 * <p>Full text is a {@code multi_match} over the analyzed fields of every language ({@link
 * TextQueries}): it never parses query syntax, so Lucene operators, unbalanced quotes and the like
 * are plain words. The caller bounds the text's length ({@link #cleanText}).
 *
 * <p>Facets are multi-select: the facet filters (category, marketplace, brand, price, rating) go into
 * {@code post_filter}, so the hits honour all of them, while each facet's aggregation is wrapped in
 * a filter aggregation with every facet filter except its own. Choosing "taobao" thus keeps the
 * counts of the other marketplaces. Non-facet filters (text, the brand the text names, in stock) are in the query proper.
 */
public final class ProductSearchRequests {

    /** The longest text searched; the rest of a longer query is ignored. */
    public static final int MAX_TEXT_LENGTH = 200;

    static final List<String> SOURCE_FIELDS = List.of(
            "productId",
            "title",
            "titleRu",
            "titleEn",
            "brand",
            "marketplace",
            "categoryPath",
            "imageUrl",
            "priceMinor",
            "currency",
            "rating",
            "reviewCount",
            "inStock");

    private ProductSearchRequests() {}

    /** The text without control characters and whitespace runs, at most {@link #MAX_TEXT_LENGTH} characters; null if nothing is left. */
    public static @Nullable String cleanText(@Nullable String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_TEXT_LENGTH));
        boolean space = false;
        for (int i = 0; i < text.length() && clean.length() < MAX_TEXT_LENGTH; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)
                    || Character.isWhitespace(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.UNASSIGNED) {
                space = !clean.isEmpty();
                continue;
            }
            if (space) {
                clean.append(' ');
                space = false;
            }
            if (clean.length() + Character.charCount(cp) > MAX_TEXT_LENGTH) {
                break;
            }
            clean.appendCodePoint(cp);
        }
        return clean.isEmpty() ? null : clean.toString();
    }

    /** The search request for one page of products with its facets. */
    public static SearchRequest search(ProductQuery query) {
        Map<String, Query> facetFilters = facetFilters(query);
        Query main = mainQuery(query);
        List<Query> all = List.copyOf(facetFilters.values());
        return SearchRequest.of(s -> {
            s.index(ProductIndex.ALIAS)
                    .query(main)
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
                    .sort(query.sort().sortOptions())
                    .aggregations(facets(query, facetFilters));
            if (!all.isEmpty()) {
                s.postFilter(and(all));
            }
            if (query.searchAfter() != null && !query.searchAfter().isEmpty()) {
                s.searchAfter(query.searchAfter());
            }
            return s;
        });
    }

    /** The suggester of product titles and brands in a {@link #suggest} response. */
    public static final String TITLES = "titles";

    /** The suggester of category names (in any language) in a {@link #suggest} response. */
    public static final String CATEGORIES = "categories";

    /**
     * Completions for what the shopper has typed so far: titles and brands (each option carries the
     * titles of its product) and, apart, distinct category names.
     */
    public static SearchRequest suggest(String prefix, int size) {
        CompletionSuggester titles =
                CompletionSuggester.of(c -> c.field("suggest").size(size).skipDuplicates(true));
        CompletionSuggester categories =
                CompletionSuggester.of(c -> c.field("categorySuggest").size(3).skipDuplicates(true));
        return SearchRequest.of(s -> s.index(ProductIndex.ALIAS)
                .source(src -> src.filter(f -> f.includes("titleRu", "titleEn", "title")))
                .suggest(g -> g.suggesters(TITLES, f -> f.prefix(prefix).completion(titles))
                        .suggesters(CATEGORIES, f -> f.prefix(prefix).completion(categories))));
    }

    private static Query mainQuery(ProductQuery query) {
        List<Query> must = new ArrayList<>();
        String text = cleanText(query.text());
        if (text != null) {
            must.add(TextQueries.matching(text, readings(query)));
        }
        List<Query> filters = new ArrayList<>();
        if (query.namedBrandId() != null) {
            String brandId = query.namedBrandId();
            filters.add(Query.of(q -> q.term(t -> t.field("brandId").value(brandId))));
        }
        if (query.inStockOnly()) {
            filters.add(Query.of(q -> q.term(t -> t.field("inStock").value(true))));
        }
        if (must.isEmpty() && filters.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.bool(b -> b.must(must).filter(filters)));
    }

    /** Facet name to the filter its selection applies; only selected facets appear. */
    private static Map<String, Query> facetFilters(ProductQuery query) {
        Map<String, Query> filters = new LinkedHashMap<>();
        if (!query.categoryPaths().isEmpty()) {
            List<Query> subtrees = new ArrayList<>();
            for (String path : query.categoryPaths()) {
                subtrees.add(Query.of(q -> q.term(t -> t.field("categoryPath").value(path))));
                subtrees.add(Query.of(q -> q.prefix(p -> p.field("categoryPath").value(path + "/"))));
            }
            filters.put(
                    ProductFacets.CATEGORY,
                    Query.of(q -> q.bool(b -> b.should(subtrees).minimumShouldMatch("1"))));
        }
        if (!query.marketplaces().isEmpty()) {
            filters.put(ProductFacets.MARKETPLACE, terms("marketplace", query.marketplaces()));
        }
        if (!query.brands().isEmpty()) {
            filters.put(ProductFacets.BRAND, terms("brand", query.brands()));
        }
        if (query.priceMinMinor() != null || query.priceMaxMinor() != null) {
            Long min = query.priceMinMinor();
            Long max = query.priceMaxMinor();
            filters.put(
                    ProductFacets.PRICE,
                    Query.of(q -> q.range(r -> r.number(n -> {
                        n.field("priceMinor");
                        if (min != null) {
                            n.gte(min.doubleValue());
                        }
                        if (max != null) {
                            n.lte(max.doubleValue());
                        }
                        return n;
                    }))));
        }
        if (query.ratingMin() != null) {
            double min = query.ratingMin();
            filters.put(
                    ProductFacets.RATING,
                    Query.of(q -> q.range(r -> r.number(n -> n.field("rating").gte(min)))));
        }
        return filters;
    }

    private static Map<String, Aggregation> facets(ProductQuery query, Map<String, Query> facetFilters) {
        Map<String, Aggregation> buckets = new LinkedHashMap<>();
        buckets.put(
                ProductFacets.CATEGORY,
                Aggregation.of(a -> a.terms(t -> t.field("categoryIds").size(ProductFacets.CATEGORY_FACET_SIZE))));
        buckets.put(
                ProductFacets.MARKETPLACE,
                Aggregation.of(a -> a.terms(t -> t.field("marketplace").size(50))));
        buckets.put(
                ProductFacets.BRAND,
                Aggregation.of(a -> a.terms(t -> t.field("brand").size(ProductFacets.BRAND_FACET_SIZE))));
        List<AggregationRange> prices = query.priceBuckets().stream()
                .map(range -> AggregationRange.of(
                        r -> r.from(toDouble(range.fromMinor())).to(toDouble(range.toMinor()))))
                .toList();
        if (!prices.isEmpty()) {
            buckets.put(
                    ProductFacets.PRICE,
                    Aggregation.of(a -> a.range(r -> r.field("priceMinor").ranges(prices))));
        }
        List<AggregationRange> ratings = query.ratingBuckets().stream()
                .map(from -> AggregationRange.of(r -> r.from(from)))
                .toList();
        if (!ratings.isEmpty()) {
            buckets.put(
                    ProductFacets.RATING,
                    Aggregation.of(a -> a.range(r -> r.field("rating").ranges(ratings))));
        }
        Map<String, Aggregation> facets = new LinkedHashMap<>();
        String text = cleanText(query.text());
        if (text != null) {
            Query naming = TextQueries.namingCategory(text, readings(query));
            List<Query> filters = new ArrayList<>(facetFilters.values());
            filters.add(naming);
            facets.put(
                    ProductFacets.CATEGORY_INTENT,
                    Aggregation.of(a -> a.filter(and(filters))
                            .aggregations(
                                    ProductFacets.BUCKETS,
                                    b -> b.terms(t -> t.field("categoryIds").size(10)))));
        }
        buckets.forEach((name, aggregation) -> {
            List<Query> others = facetFilters.entrySet().stream()
                    .filter(e -> !e.getKey().equals(name))
                    .map(Map.Entry::getValue)
                    .toList();
            Query filter = others.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : and(others);
            facets.put(name, Aggregation.of(a -> a.filter(filter).aggregations(ProductFacets.BUCKETS, aggregation)));
        });
        return facets;
    }

    /** The other readings, cleaned as the text is, without the text itself. */
    private static List<String> readings(ProductQuery query) {
        String text = cleanText(query.text());
        List<String> readings = new ArrayList<>();
        for (String reading : query.otherReadings()) {
            String clean = cleanText(reading);
            if (clean != null && !clean.equals(text) && !readings.contains(clean)) {
                readings.add(clean);
            }
        }
        return readings;
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    private static Query and(List<Query> queries) {
        return queries.size() == 1 ? queries.getFirst() : Query.of(q -> q.bool(b -> b.filter(queries)));
    }

    private static @Nullable Double toDouble(@Nullable Long value) {
        return value == null ? null : value.doubleValue();
    }
}
