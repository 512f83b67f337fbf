package dev.silkway.storefront.catalogue;

import static dev.silkway.storefront.catalogue.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.platform.translation.Language;
import dev.silkway.platform.translation.Translations;
import dev.silkway.platform.translation.Translator;
import dev.silkway.testsupport.GeneratedCatalogue;
import dev.silkway.testsupport.SandboxTranslator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The "done when", on the demo catalogue: the sandbox's products as the feeds give them (Chinese titles
 * only, {@link GeneratedCatalogue#demo}), translated once through the sandbox's translator (its commerce dictionary,
 * on the Yandex protocol), indexed as the indexer indexes them, and searched as a Russian shopper searches.
 */
class RussianCatalogueIT extends CatalogueIntegrationTest {

    static final int PRODUCTS = 3_200;

    private static boolean ready;

    @Autowired
    Translator translator;

    @BeforeEach
    void demoCatalogue() {
        if (ready) {
            return;
        }
        SandboxTranslator.faults(SandboxTranslator.NO_FAULTS);
        CatalogueFixture fixture = fixture();
        fixture.cnyRate("12.5");
        fixture.emptyIndex();
        GeneratedCatalogue.demo(jdbc, PRODUCTS);
        translateTitles();
        List<Long> ids = jdbc.sql("SELECT id FROM products WHERE external_id LIKE 'demo-%' ORDER BY id")
                .query(Long.class)
                .list();
        for (int from = 0; from < ids.size(); from += 500) {
            fixture.index(ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        ready = true;
    }

    @Test
    void everydayRussianWordsFindGoodsInTheNominativeAndTheGenitivePluralAtLeastHalfAsManyAsInChinese() {
        List<String> shortfalls = new ArrayList<>();
        for (GeneratedCatalogue.Kind kind : GeneratedCatalogue.DEMO_KINDS) {
            long chinese = total(kind.zh());
            for (String word : List.of(kind.ru(), kind.ruGenitivePlural())) {
                long russian = total(word);
                if (russian == 0 || russian * 2 < chinese) {
                    shortfalls.add(word + " found " + russian + ", " + kind.zh() + " " + chinese);
                }
            }
        }
        assertThat(GeneratedCatalogue.DEMO_KINDS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(shortfalls).as("Russian words finding too little").isEmpty();
    }

    @Test
    void almostEveryProductHasARussianTitleAfterTheFirstFullTranslation() {
        Map<String, Object> counts = jdbc.sql("""
                SELECT count(*) AS products, count(title_ru) AS russian
                FROM products WHERE external_id LIKE 'demo-%'
                """).query().singleRow();
        long products = ((Number) counts.get("products")).longValue();
        long russian = ((Number) counts.get("russian")).longValue();

        assertThat(products).isEqualTo(PRODUCTS);
        assertThat(russian * 100).as(russian + " of " + products).isGreaterThanOrEqualTo(products * 95);
    }

    @Test
    void aTypoOrTheWrongKeyboardLayoutStillFindsGoods() {
        for (String query : List.of("кросовки", "рюкзк", "rhjccjdrb", "yfeiybrb", "krossovki")) {
            JsonNode page = search(query);
            assertThat(page.get("total").asLong()).as(query).isPositive();
        }
        assertThat(firstTitle("кросовки")).containsIgnoringCase("кроссовки");
        assertThat(firstTitle("rhjccjdrb")).containsIgnoringCase("кроссовки");
        assertThat(firstTitle("yfeiybrb")).containsIgnoringCase("наушники");
    }

    @Test
    void aBrandTypedInLatinCyrillicOrChineseFindsExactlyItsGoods() {
        long anta = productsOfBrand("anta");
        long xiaomi = productsOfBrand("xiaomi");
        assertThat(anta).isPositive();

        // The storefront caches the brands' spellings like the category tree: the demo's may be new to it.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(List.of(total("Anta"), total("Анта"), total("安踏"), total("anta")))
                            .containsOnly(anta);
                    assertThat(List.of(total("Xiaomi"), total("Сяоми"), total("小米")))
                            .containsOnly(xiaomi);
                });
        JsonNode brands = search("安踏").get("facets").get("brand");
        assertThat(brands).hasSize(1);
        assertThat(brands.get(0).get("value").asString()).isEqualTo("Anta");
        long sneakers = total("кроссовки");
        assertThat(total("Анта кроссовки")).isPositive().isLessThan(Math.min(anta, sneakers));
        assertThat(total("кроссовки anta")).isEqualTo(total("Анта кроссовки"));
    }

    /** The first full translation, as the translate step does it: every Chinese title into Russian. */
    private void translateTitles() {
        List<String> titles = jdbc.sql(
                        "SELECT DISTINCT title_original FROM products WHERE external_id LIKE 'demo-%' AND title_ru IS NULL")
                .query(String.class)
                .list();
        for (int from = 0; from < titles.size(); from += 1_000) {
            Translations russian = translator.translate(
                    titles.subList(from, Math.min(titles.size(), from + 1_000)), Language.ZH, Language.RU);
            jdbc.sql("""
                    UPDATE products p SET title_ru = t.ru, version = p.version + 1
                    FROM unnest(CAST(:zh AS text[]), CAST(:ru AS text[])) AS t (zh, ru)
                    WHERE p.external_id LIKE 'demo-%' AND p.title_original = t.zh
                    """)
                    .param("zh", russian.translated().keySet().toArray(String[]::new))
                    .param("ru", russian.translated().values().toArray(String[]::new))
                    .update();
        }
    }

    private long productsOfBrand(String normalizedName) {
        return jdbc.sql("""
                SELECT count(*) FROM products p JOIN brands b ON b.id = p.brand_id
                WHERE p.external_id LIKE 'demo-%' AND b.normalized_name = :brand
                """).param("brand", normalizedName).query(Long.class).single();
    }

    private long total(String query) {
        return search(query).get("total").asLong();
    }

    private String firstTitle(String query) {
        return search(query).get("items").get(0).get("title").asString();
    }

    private JsonNode search(String query) {
        Http.Response response = api.get("/api/v1/products?size=5&q=" + enc(query));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
