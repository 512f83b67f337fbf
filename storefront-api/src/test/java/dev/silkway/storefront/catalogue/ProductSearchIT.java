package dev.silkway.storefront.catalogue;

import static dev.silkway.storefront.catalogue.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.catalogue.CatalogueFixture.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Search, facets, sort, paging and suggestions against a hand-built catalogue of ten products. */
class ProductSearchIT extends CatalogueIntegrationTest {

    /** The fixture, in insertion order; names say what each product is for. */
    static final Map<String, Product> FIXTURE = new LinkedHashMap<>();

    static {
        FIXTURE.put(
                "nikeAir",
                new Product(
                        "taobao",
                        "sneakers",
                        "Nike",
                        "Мужские кроссовки Nike Air для бега",
                        "Nike Air running sneakers",
                        "耐克运动鞋男款",
                        59_900,
                        4.8,
                        500,
                        true));
        FIXTURE.put(
                "oneReview",
                new Product(
                        "jd", "sneakers", "Adidas", "Женская кроссовка Adidas", null, "阿迪达斯女鞋", 45_000, 5.0, 1, true));
        FIXTURE.put(
                "socks",
                new Product("poizon", "sneakers", "Nike", "Носки под кроссовками", null, "耐克袜子", 5_000, 4.2, 40, true));
        FIXTURE.put(
                "laces",
                new Product("taobao", "sneakers", null, "Шнурки для кроссовок", null, "鞋带", 900, 3.9, 12, true));
        FIXTURE.put(
                "downJacket",
                new Product(
                        "pinduoduo",
                        "outerwear",
                        "Li-Ning",
                        "Пуховик женский зимний",
                        null,
                        "李宁羽绒服女款冬季",
                        129_900,
                        4.6,
                        80,
                        false));
        FIXTURE.put(
                "jacket",
                new Product(
                        "1688",
                        "outerwear",
                        "Li-Ning",
                        "Куртка мужская демисезонная",
                        null,
                        "李宁夹克",
                        39_900,
                        4.4,
                        15,
                        true));
        FIXTURE.put(
                "hoodie",
                new Product(
                        "taobao",
                        "mens-clothing",
                        "Anta",
                        null,
                        "Men's cotton hoodies with pockets",
                        "连帽卫衣",
                        19_900,
                        4.0,
                        30,
                        true));
        FIXTURE.put(
                "redmi",
                new Product(
                        "jd",
                        "smartphones",
                        "Xiaomi",
                        "Смартфон Xiaomi Redmi Note",
                        null,
                        "小米手机",
                        199_900,
                        4.7,
                        2_000,
                        true));
        FIXTURE.put(
                "huawei",
                new Product(
                        "taobao",
                        "smartphones",
                        "Huawei",
                        "Смартфон Huawei Nova",
                        null,
                        "华为手机",
                        399_900,
                        null,
                        0,
                        true));
        FIXTURE.put(
                "backpack",
                new Product("pinduoduo", "backpacks", "Anta", "Рюкзак городской", null, "双肩包", 8_900, 4.1, 7, true));
    }

    static final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeEach
    void catalogue() {
        if (!ids.isEmpty()) {
            return;
        }
        CatalogueFixture fixture = fixture();
        fixture.cnyRate("12.5");
        fixture.emptyIndex();
        List<Long> inserted = fixture.insertAndIndex(List.copyOf(FIXTURE.values()));
        int i = 0;
        for (String name : FIXTURE.keySet()) {
            ids.put(name, inserted.get(i++));
        }
    }

    @Test
    void russianWordFormsFindEachOther() {
        Set<String> sneakerThings = names("nikeAir", "oneReview", "socks", "laces");

        assertThat(found("кроссовки")).isEqualTo(sneakerThings);
        assertThat(found("кроссовка")).isEqualTo(sneakerThings);
        assertThat(found("кроссовками")).isEqualTo(sneakerThings);
        // The genitive plural that the Snowball stemmer alone leaves as "кроссовок".
        assertThat(found("кроссовок")).isEqualTo(sneakerThings);
        assertThat(found("курток")).isEqualTo(names("jacket"));
        assertThat(found("ПУХОВИКИ")).isEqualTo(names("downJacket"));
    }

    @Test
    void chineseWordsAreFoundInsideTitles() {
        // 运动鞋 is also the Chinese name of the sneakers category: its goods are found, the title's first.
        assertThat(found("运动鞋")).isEqualTo(names("nikeAir", "oneReview", "socks", "laces"));
        assertThat(ok("/api/v1/products?q=" + enc("运动鞋"))
                        .get("items")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(ids.get("nikeAir"));
        assertThat(found("羽绒服")).isEqualTo(names("downJacket"));
        assertThat(found("手机")).isEqualTo(names("redmi", "huawei"));
    }

    @Test
    void englishStemsAndBrandsAreFound() {
        assertThat(found("hoodie")).isEqualTo(names("hoodie"));
        // "Sneakers" is also the English name of the category: its goods are found, the title's first.
        assertThat(found("sneaker")).isEqualTo(names("nikeAir", "oneReview", "socks", "laces"));
        assertThat(ok("/api/v1/products?q=sneaker")
                        .get("items")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(ids.get("nikeAir"));
        assertThat(found("xiaomi")).isEqualTo(names("redmi"));
    }

    @Test
    void countsEveryFacetOverTheWholeFixture() {
        JsonNode facets = ok("/api/v1/products").get("facets");

        assertThat(counts(facets.get("marketplace")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("taobao", 4L, "jd", 2L, "pinduoduo", 2L, "poizon", 1L, "1688", 1L));
        assertThat(counts(facets.get("brand")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Nike", 2L, "Adidas", 1L, "Li-Ning", 2L, "Anta", 2L, "Xiaomi", 1L, "Huawei", 1L));
        assertThat(counts(facets.get("category")))
                .containsEntry("shoes", 4L)
                .containsEntry("sneakers", 4L)
                .containsEntry("clothing", 3L)
                .containsEntry("outerwear", 2L)
                .containsEntry("electronics", 2L);
        // At 12.5 RUB/CNY: 9, 112.5, 625, 1112.5, 2487.5, 4987.5, 5612.5, 7487.5, 16237.5, 24987.5, 49987.5 RUB.
        Map<String, Long> price = new LinkedHashMap<>();
        facets.get("price")
                .forEach(b -> price.put(
                        b.get("from").asString("") + "-" + b.get("to").asString(""),
                        b.get("count").asLong()));
        assertThat(price)
                .containsExactly(
                        Map.entry("-1000.00", 2L),
                        Map.entry("1000.00-3000.00", 2L),
                        Map.entry("3000.00-5000.00", 1L),
                        Map.entry("5000.00-10000.00", 2L),
                        Map.entry("10000.00-20000.00", 1L),
                        Map.entry("20000.00-50000.00", 2L),
                        Map.entry("50000.00-", 0L));
        Map<Double, Long> rating = new LinkedHashMap<>();
        facets.get("rating")
                .forEach(
                        b -> rating.put(b.get("from").asDouble(), b.get("count").asLong()));
        assertThat(rating)
                .containsExactly(Map.entry(4.5, 4L), Map.entry(4.0, 8L), Map.entry(3.5, 9L), Map.entry(3.0, 9L));
        assertThat(ok("/api/v1/products").get("total").asLong()).isEqualTo(FIXTURE.size());
    }

    @Test
    void choosingAFacetValueKeepsTheCountsOfItsSiblings() {
        JsonNode all = ok("/api/v1/products").get("facets");
        JsonNode page = ok("/api/v1/products?marketplace=taobao");

        assertThat(page.get("total").asLong()).isEqualTo(4);
        page.get("items")
                .forEach(item -> assertThat(item.get("marketplace").asString()).isEqualTo("taobao"));
        assertThat(counts(page.get("facets").get("marketplace"))).isEqualTo(counts(all.get("marketplace")));
        assertThat(counts(page.get("facets").get("brand")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Nike", 1L, "Anta", 1L, "Huawei", 1L));

        JsonNode two = ok("/api/v1/products?marketplace=taobao&marketplace=jd&brand=Nike");
        assertThat(ids(two)).isEqualTo(names("nikeAir"));
        assertThat(counts(two.get("facets").get("marketplace")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("taobao", 1L, "poizon", 1L));
        assertThat(counts(two.get("facets").get("brand")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Nike", 1L, "Adidas", 1L, "Anta", 1L, "Xiaomi", 1L, "Huawei", 1L));
    }

    @Test
    void filtersByCategorySubtreePriceInRublesRatingAndStock() {
        assertThat(ids(ok("/api/v1/products?category=shoes")))
                .isEqualTo(names("nikeAir", "oneReview", "socks", "laces"));
        assertThat(ids(ok("/api/v1/products?category=clothing"))).isEqualTo(names("downJacket", "jacket", "hoodie"));
        assertThat(ids(ok("/api/v1/products?priceMin=5000&priceMax=7487.50"))).isEqualTo(names("oneReview", "nikeAir"));
        assertThat(ids(ok("/api/v1/products?ratingMin=4.7"))).isEqualTo(names("nikeAir", "oneReview", "redmi"));
        assertThat(ids(ok("/api/v1/products?category=outerwear&inStock=true"))).isEqualTo(names("jacket"));
    }

    @Test
    void showsPricesInRublesWithTheYuanPriceBeside() {
        JsonNode item = ok("/api/v1/products?q=" + enc("运动鞋")).get("items").get(0);

        assertThat(item.get("price").get("amount").asString()).isEqualTo("7487.50");
        assertThat(item.get("price").get("currency").asString()).isEqualTo("RUB");
        assertThat(item.get("price").get("original").get("amount").asString()).isEqualTo("599.00");
        assertThat(item.get("price").get("original").get("currency").asString()).isEqualTo("CNY");
        assertThat(item.get("category").asString()).isEqualTo("sneakers");
        assertThat(item.get("title").asString()).isEqualTo("Мужские кроссовки Nike Air для бега");
    }

    @Test
    void ratingSortUsesTheBayesianAverageSoOneFiveStarReviewDoesNotWin() {
        List<String> order = order(ok("/api/v1/products?sort=rating&size=100"));

        assertThat(order.getFirst()).isEqualTo("nikeAir");
        assertThat(order.indexOf("redmi")).isLessThan(order.indexOf("oneReview"));
        assertThat(order.indexOf("nikeAir")).isLessThan(order.indexOf("oneReview"));
    }

    @Test
    void sortsByPriceBothWaysNewestAndPopularity() {
        assertThat(order(ok("/api/v1/products?sort=price_asc&size=3"))).containsExactly("laces", "socks", "backpack");
        assertThat(order(ok("/api/v1/products?sort=price_desc&size=2"))).containsExactly("huawei", "redmi");
        assertThat(order(ok("/api/v1/products?sort=popular&size=1"))).containsExactly("redmi");
        assertThat(ok("/api/v1/products?sort=newest").get("items")).hasSize(FIXTURE.size());
    }

    @Test
    void cursorPagingReturnsEveryProductExactlyOnceInEveryOrder() {
        for (String sort : List.of("relevance", "rating", "price_asc", "price_desc", "newest", "popular")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page =
                        ok("/api/v1/products?size=3&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
                page.get("items").forEach(item -> seen.add(item.get("id").asString()));
                cursor = page.get("nextCursor").isNull()
                        ? null
                        : page.get("nextCursor").asString();
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allIds());
        }
        List<String> texts = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page =
                    ok("/api/v1/products?size=1&q=" + enc("кроссовки") + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(item -> texts.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(texts).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void suggestsTitlesAsYouType() {
        JsonNode suggestions = ok("/api/v1/products/suggest?q=" + enc("кросс")).get("suggestions");

        List<String> texts = new ArrayList<>();
        suggestions.forEach(s -> texts.add(s.asString()));
        assertThat(texts).contains("Мужские кроссовки Nike Air для бега");
        assertThat(ok("/api/v1/products/suggest?q=").get("suggestions")).isEmpty();
    }

    private JsonNode ok(String path) {
        Http.Response response = api.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Set<String> found(String text) {
        return ids(ok("/api/v1/products?size=100&q=" + enc(text)));
    }

    private Set<String> ids(JsonNode page) {
        return new HashSet<>(order(page));
    }

    private List<String> order(JsonNode page) {
        Map<String, String> byId =
                ids.entrySet().stream().collect(Collectors.toMap(e -> Long.toString(e.getValue()), Map.Entry::getKey));
        List<String> names = new ArrayList<>();
        page.get("items")
                .forEach(item -> names.add(byId.getOrDefault(item.get("id").asString(), "?" + item.get("id"))));
        return names;
    }

    private static Set<String> names(String... names) {
        return Set.of(names);
    }

    private List<String> allIds() {
        return ids.values().stream().map(id -> Long.toString(id)).toList();
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        facet.forEach(b -> counts.put(b.get("value").asString(), b.get("count").asLong()));
        return counts;
    }
}
