package dev.silkway.storefront.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import dev.silkway.elastic.search.ProductFacets;
import dev.silkway.elastic.search.ProductQuery;
import dev.silkway.elastic.search.ProductSearchRequests;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Runs product searches and suggestions against the {@code products} alias and shapes the answers. */
@Component
class ProductSearch {

    private final ElasticsearchClient client;
    private final SearchQueries queries;
    private final ExchangeRates rates;
    private final CategoryTree categories;
    private final CatalogueProperties properties;

    ProductSearch(
            ElasticsearchClient client,
            SearchQueries queries,
            ExchangeRates rates,
            CategoryTree categories,
            CatalogueProperties properties) {
        this.client = client;
        this.queries = queries;
        this.rates = rates;
        this.categories = categories;
        this.properties = properties;
    }

    Views.SearchPage search(SearchParameters parameters, ShopperLanguage language) throws IOException {
        BigDecimal rate = rates.cnyRate();
        ProductQuery query = queries.parse(parameters, rate);
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> response = client.search(ProductSearchRequests.search(query), Map.class);
        List<Views.ProductSummary> items = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            items.add(summary(hit.source(), rate, language));
        }
        String next = null;
        List<Hit<Map>> hits = response.hits().hits();
        if (hits.size() == query.size() && !hits.isEmpty()) {
            List<FieldValue> sortValues = hits.getLast().sort();
            next = Cursor.encode(query.sort(), sortValues);
        }
        long total = response.hits().total() == null
                ? items.size()
                : response.hits().total().value();
        return new Views.SearchPage(
                items, total, next, facets(response.aggregations(), rate), intent(response.aggregations(), language));
    }

    Views.Suggestions suggest(@Nullable String text, int size, ShopperLanguage language) throws IOException {
        String prefix = ProductSearchRequests.cleanText(text);
        if (prefix == null) {
            return new Views.Suggestions(List.of());
        }
        if (prefix.length() > 100) {
            prefix = prefix.substring(0, 100);
        }
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> response = client.search(ProductSearchRequests.suggest(prefix, size), Map.class);
        Set<String> titles = new LinkedHashSet<>();
        for (Suggestion<Map> suggestion :
                response.suggest().getOrDefault(ProductSearchRequests.CATEGORIES, List.of())) {
            suggestion.completion().options().forEach(o -> titles.add(o.text()));
        }
        for (Suggestion<Map> suggestion : response.suggest().getOrDefault(ProductSearchRequests.TITLES, List.of())) {
            suggestion.completion().options().forEach(o -> titles.add(completion(o.text(), o.source(), language)));
        }
        return new Views.Suggestions(titles.stream().limit(size).toList());
    }

    /**
     * What a completion shows: the title of its product in the shopper's language when the completed
     * input is (part of) one of its titles, else the input itself (a category or brand name).
     */
    @SuppressWarnings("rawtypes")
    private static String completion(String input, @Nullable Map source, ShopperLanguage language) {
        if (source == null) {
            return input;
        }
        String original = text(source, "title");
        String folded = input.toLowerCase(java.util.Locale.ROOT);
        for (String field : List.of("titleRu", "titleEn", "title")) {
            if (text(source, field).toLowerCase(java.util.Locale.ROOT).contains(folded)) {
                String title = language.pick(text(source, "titleRu"), text(source, "titleEn"), original);
                return title.isBlank() ? input : title;
            }
        }
        return input;
    }

    @SuppressWarnings("rawtypes")
    private Views.ProductSummary summary(@Nullable Map source, BigDecimal rate, ShopperLanguage language) {
        Map doc = source == null ? Map.of() : source;
        String original = text(doc, "title");
        String title = language.pick(text(doc, "titleRu"), text(doc, "titleEn"), original);
        String path = (String) doc.get("categoryPath");
        String category = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
        String categoryName = category == null
                ? null
                : categories.byCode(category).map(c -> c.name(language)).orElse(null);
        Views.Price price = null;
        if (doc.get("priceMinor") instanceof Number fen) {
            price = price(fen.longValue(), rate);
        }
        Double rating = doc.get("rating") instanceof Number r ? r.doubleValue() : null;
        long reviews = doc.get("reviewCount") instanceof Number n ? n.longValue() : 0;
        return new Views.ProductSummary(
                String.valueOf(doc.get("productId")),
                title,
                original,
                (String) doc.get("brand"),
                String.valueOf(doc.get("marketplace")),
                category,
                categoryName,
                (String) doc.get("imageUrl"),
                price,
                rating,
                reviews,
                Boolean.TRUE.equals(doc.get("inStock")));
    }

    Views.Price price(long fen, BigDecimal rate) {
        return Views.Price.of(rates.toRub(fen, rate), ExchangeRates.toCny(fen));
    }

    private Views.Facets facets(Map<String, Aggregate> aggregations, BigDecimal rate) {
        List<Views.ValueCount> category = new ArrayList<>();
        terms(aggregations, ProductFacets.CATEGORY)
                .forEach(v -> categories
                        .byId(v.value())
                        .ifPresent(c -> category.add(new Views.ValueCount(c.code(), v.count()))));
        List<Views.RangeCount> price = new ArrayList<>();
        List<BigDecimal> boundaries = properties.priceBuckets();
        List<RangeBucket> priceBuckets = ranges(aggregations, ProductFacets.PRICE);
        for (int i = 0; i < priceBuckets.size(); i++) {
            BigDecimal from = i == 0 ? null : boundaries.get(i - 1);
            BigDecimal to = i < boundaries.size() ? boundaries.get(i) : null;
            price.add(Views.RangeCount.of(from, to, priceBuckets.get(i).docCount()));
        }
        List<Views.RatingCount> rating = new ArrayList<>();
        for (RangeBucket bucket : ranges(aggregations, ProductFacets.RATING)) {
            if (bucket.from() != null) {
                double from = BigDecimal.valueOf(bucket.from())
                        .setScale(1, RoundingMode.HALF_UP)
                        .doubleValue();
                rating.add(new Views.RatingCount(from, bucket.docCount()));
            }
        }
        rating.sort(
                java.util.Comparator.comparingDouble(Views.RatingCount::from).reversed());
        return new Views.Facets(
                category,
                terms(aggregations, ProductFacets.MARKETPLACE),
                terms(aggregations, ProductFacets.BRAND),
                price,
                rating);
    }

    private static List<Views.ValueCount> terms(Map<String, Aggregate> aggregations, String facet) {
        Aggregate filter = aggregations.get(facet);
        if (filter == null) {
            return List.of();
        }
        Aggregate buckets = filter.filter().aggregations().get(ProductFacets.BUCKETS);
        return buckets.sterms().buckets().array().stream()
                .map(b -> new Views.ValueCount(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static List<RangeBucket> ranges(Map<String, Aggregate> aggregations, String facet) {
        Aggregate filter = aggregations.get(facet);
        if (filter == null) {
            return List.of();
        }
        return filter.filter()
                .aggregations()
                .get(ProductFacets.BUCKETS)
                .range()
                .buckets()
                .array();
    }

    /**
     * The category to offer: of the hits' categories that the text names, the one with the most hits,
     * the deeper one on a tie (the goods of "Кроссовки и кеды" are also in its parent "Обувь").
     */
    private Views.@Nullable CategoryIntent intent(Map<String, Aggregate> aggregations, ShopperLanguage language) {
        CategoryTree.Category best = null;
        long bestCount = 0;
        for (Views.ValueCount bucket : terms(aggregations, ProductFacets.CATEGORY_INTENT)) {
            CategoryTree.Category category = categories.byId(bucket.value()).orElse(null);
            if (category == null || bucket.count() < bestCount) {
                continue;
            }
            if (best == null || bucket.count() > bestCount || category.depth() > best.depth()) {
                best = category;
                bestCount = bucket.count();
            }
        }
        return best == null ? null : new Views.CategoryIntent(best.code(), best.name(language), bestCount);
    }

    @SuppressWarnings("rawtypes")
    private static String text(Map doc, String field) {
        return doc.get(field) instanceof String s ? s : "";
    }
}
