package dev.silkway.storefront.catalogue;

import static dev.silkway.storefront.catalogue.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.catalogue.CatalogueFixture.Product;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Relevance as the shopper sees it, written as behaviour: the query, and the product that must come
 * first. Russian word forms through the hunspell index, the other keyboard layout, transliteration,
 * typos, a category named by the query, brands in three scripts, one-character Chinese queries,
 * Russian completions, and titles in the shopper's language.
 */
class MultilingualSearchIT extends CatalogueIntegrationTest {

    static final Map<String, Product> GOODS = new LinkedHashMap<>();

    static {
        GOODS.put(
                "sneakers",
                product(
                        "poizon",
                        "sneakers",
                        "Anta",
                        "Кроссовки беговые Anta",
                        "Anta running sneakers",
                        "安踏跑步运动鞋",
                        100));
        GOODS.put(
                "sneakerSocks",
                product(
                        "taobao",
                        "underwear-sleepwear",
                        null,
                        "Носки для кроссовок, носки под кроссовки",
                        null,
                        "袜子",
                        900));
        GOODS.put("jacket", product("jd", "outerwear", "安踏", "Куртка зимняя", null, "安踏冬季夹克", 20));
        GOODS.put(
                "earbuds", product("jd", "audio", "Xiaomi", "Беспроводные наушники", "Wireless earbuds", "小米蓝牙耳机", 50));
        GOODS.put("jeans", product("taobao", "mens-clothing", "Semir", "Джинсы прямые мужские", null, "森马牛仔裤", 30));
        GOODS.put("dress", product("pinduoduo", "womens-clothing", "Peacebird", "Платье летнее", null, "太平鸟连衣裙", 40));
        GOODS.put(
                "phoneCase", product("taobao", "phone-accessories", "Ugreen", "Чехол для телефона", null, "绿联手机壳", 60));
        GOODS.put("backpack", product("taobao", "backpacks", "安踏（ANTA）", "Рюкзак городской", null, "安踏双肩包", 10));
        GOODS.put("untranslated", product("1688", "kitchenware", "Thermos", null, null, "膳魔师保温杯", 5));
        // Not Anta's: a word of its title is the brand's name, or a neighbour of it one letter away.
        GOODS.put("antaCharm", product("taobao", "home-decor", null, "Брелок Анта для ключей", null, "钥匙扣", 8));
        GOODS.put("antMug", product("1688", "kitchenware", null, "Кружка Ant", "Ant mug", "蚂蚁杯子", 7));
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
        List<Long> inserted = new ArrayList<>();
        for (Product product : GOODS.values()) {
            inserted.add(fixture.insert(product));
        }
        // Anta is one brand in three spellings: its Chinese name, and the feeds' "安踏" and "安踏（ANTA）".
        jdbc.sql("UPDATE brands SET name_zh = '安踏' WHERE normalized_name = 'anta'")
                .update();
        jdbc.sql("""
                INSERT INTO brand_aliases (alias_normalized, brand_id)
                SELECT a, (SELECT id FROM brands WHERE normalized_name = 'anta')
                FROM unnest(ARRAY['安踏', '安踏（anta）']) AS a
                ON CONFLICT (alias_normalized) DO UPDATE SET brand_id = EXCLUDED.brand_id
                """).update();
        fixture.index(inserted);
        int i = 0;
        for (String name : GOODS.keySet()) {
            ids.put(name, inserted.get(i++));
        }
        // The storefront caches the brands' spellings like the category tree (a minute): Anta may be new to it.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(
                        () -> assertThat(found("Anta")).containsExactlyInAnyOrder("backpack", "jacket", "sneakers"));
    }

    @Test
    void genitivePluralsFindWhatTheNominativeFinds() {
        Map<String, String> firstFor = Map.of(
                "кроссовок", "sneakers",
                "курток", "jacket",
                "наушников", "earbuds",
                "джинсов", "jeans",
                "платьев", "dress",
                "чехлов", "phoneCase");
        firstFor.forEach((query, expected) -> assertThat(first(query)).as(query).isEqualTo(expected));
    }

    @Test
    void aQueryTypedWithTheWrongKeyboardLayoutFindsGoods() {
        assertThat(first("rhjccjdrb")).isEqualTo("sneakers");
        assertThat(first("l;bycs")).isEqualTo("jeans");
        assertThat(found("фтеф")).contains("sneakers", "jacket", "backpack");
    }

    @Test
    void aRussianWordInLatinLettersFindsGoods() {
        assertThat(first("krossovki")).isEqualTo("sneakers");
        assertThat(first("dzhinsy")).isEqualTo("jeans");
        assertThat(first("ryukzak")).isEqualTo("backpack");
    }

    @Test
    void aTypoInARussianOrLatinWordStillFindsGoods() {
        assertThat(first("кросовки")).isEqualTo("sneakers");
        assertThat(first("наушнеки")).isEqualTo("earbuds");
        assertThat(first("sneakres")).isEqualTo("sneakers");
        assertThat(first("xiaomy")).isEqualTo("earbuds");
    }

    @Test
    void aQueryThatNamesACategoryRanksItsGoodsFirstAndOffersIt() {
        JsonNode page = ok("/api/v1/products?q=" + enc("кроссовки"));

        assertThat(name(page.get("items").get(0).get("id").asString())).isEqualTo("sneakers");
        assertThat(found("кроссовки")).contains("sneakerSocks");
        assertThat(page.get("categoryIntent").get("value").asString()).isEqualTo("sneakers");
        assertThat(page.get("categoryIntent").get("name").asString()).isEqualTo("Кроссовки и кеды");
        assertThat(ok("/api/v1/products?q=" + enc("беговые"))
                        .get("categoryIntent")
                        .isNull())
                .isTrue();
    }

    @Test
    void aBrandTypedInLatinCyrillicOrChineseFindsTheSameGoodsUnderOneBrand() {
        List<String> anta = List.of("backpack", "jacket", "sneakers");

        assertThat(found("Anta")).containsExactlyInAnyOrderElementsOf(anta);
        assertThat(found("Анта")).containsExactlyInAnyOrderElementsOf(anta);
        assertThat(found("安踏")).containsExactlyInAnyOrderElementsOf(anta);
        JsonNode brands = ok("/api/v1/products?q=" + enc("安踏")).get("facets").get("brand");
        assertThat(brands).hasSize(1);
        assertThat(brands.get(0).get("value").asString()).isEqualTo("Anta");
        assertThat(brands.get(0).get("count").asLong()).isEqualTo(3);
        assertThat(ok("/api/v1/products?brand=Anta").get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aBrandQueryFindsTheBrandsGoodsNotATitleThatSharesItsNameOrANeighbourOfIt() {
        for (String query : List.of("Anta", "ANTA", "Анта", "анта", "安踏", "安踏（ANTA）")) {
            assertThat(found(query)).as(query).containsExactlyInAnyOrder("backpack", "jacket", "sneakers");
        }
        assertThat(found("Анта рюкзак")).containsExactly("backpack");
        assertThat(found("куртка 安踏")).containsExactly("jacket");
        assertThat(found("брелок")).containsExactly("antaCharm");
    }

    @Test
    void aChineseQueryOfOneCharacterFindsGoods() {
        assertThat(found("鞋")).containsExactly("sneakers");
        assertThat(found("包")).containsExactly("backpack");
    }

    @Test
    void suggestionsCompleteRussianPrefixesFromTitlesAndCategoryNames() {
        assertThat(suggestions("рюкз")).contains("Рюкзак городской");
        assertThat(suggestions("науш")).contains("Беспроводные наушники", "Наушники и аудиотехника");
        assertThat(suggestions("верхн")).contains("Верхняя одежда");
    }

    @Test
    void titlesAreInTheShoppersLanguageWithTheOriginalBeside() {
        JsonNode russian = item(ok("/api/v1/products?q=" + enc("наушники")), "earbuds");
        assertThat(russian.get("title").asString()).isEqualTo("Беспроводные наушники");
        assertThat(russian.get("titleOriginal").asString()).isEqualTo("小米蓝牙耳机");
        assertThat(russian.get("categoryName").asString()).isEqualTo("Наушники и аудиотехника");

        JsonNode english = item(
                api.get("/api/v1/products?q=" + enc("наушники"), "en-GB,en;q=0.9,ru;q=0.5")
                        .json(),
                "earbuds");
        assertThat(english.get("title").asString()).isEqualTo("Wireless earbuds");
        assertThat(english.get("categoryName").asString()).isEqualTo("Headphones & audio");

        JsonNode untranslated = item(ok("/api/v1/products?q=" + enc("保温杯")), "untranslated");
        assertThat(untranslated.get("title").asString()).isEqualTo("膳魔师保温杯");
        assertThat(untranslated.get("titleOriginal").asString()).isEqualTo("膳魔师保温杯");
    }

    @Test
    void theProductPageSpeaksTheShoppersLanguage() {
        String id = Long.toString(ids.get("earbuds"));
        JsonNode russian = ok("/api/v1/products/" + id);
        assertThat(russian.get("title").asString()).isEqualTo("Беспроводные наушники");
        assertThat(russian.get("titleOriginal").asString()).isEqualTo("小米蓝牙耳机");
        assertThat(russian.get("category").get("name").asString()).isEqualTo("Наушники и аудиотехника");
        assertThat(russian.get("categoryPathNames").toString())
                .isEqualTo("[\"Электроника\",\"Наушники и аудиотехника\"]");

        JsonNode chinese = ok("/api/v1/products/" + id + "?lang=zh");
        assertThat(chinese.get("title").asString()).isEqualTo("小米蓝牙耳机");
        assertThat(chinese.get("categoryPathNames").toString()).isEqualTo("[\"数码\",\"耳机音响\"]");

        assertThat(api.get("/api/v1/products/" + id + "?lang=fr").status()).isEqualTo(400);
    }

    private static Product product(
            String marketplace,
            String category,
            String brand,
            String titleRu,
            String titleEn,
            String titleZh,
            int reviews) {
        return new Product(marketplace, category, brand, titleRu, titleEn, titleZh, 9_900, 4.5, reviews, true);
    }

    private String first(String query) {
        JsonNode items = ok("/api/v1/products?q=" + enc(query)).get("items");
        assertThat(items).as("hits for " + query).isNotEmpty();
        return name(items.get(0).get("id").asString());
    }

    private List<String> found(String query) {
        List<String> names = new ArrayList<>();
        ok("/api/v1/products?size=50&q=" + enc(query))
                .get("items")
                .forEach(i -> names.add(name(i.get("id").asString())));
        return names;
    }

    private List<String> suggestions(String prefix) {
        List<String> texts = new ArrayList<>();
        ok("/api/v1/products/suggest?q=" + enc(prefix)).get("suggestions").forEach(s -> texts.add(s.asString()));
        return texts;
    }

    private static JsonNode item(JsonNode page, String name) {
        for (JsonNode item : page.get("items")) {
            if (name.equals(name(item.get("id").asString()))) {
                return item;
            }
        }
        throw new AssertionError(name + " not in " + page);
    }

    private static String name(String id) {
        return ids.entrySet().stream()
                .filter(e -> Long.toString(e.getValue()).equals(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("other " + id);
    }

    private JsonNode ok(String path) {
        Http.Response response = api.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
