package dev.silkway.storefront.catalogue;

import static dev.silkway.storefront.catalogue.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.catalogue.CatalogueFixture.Product;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The glossary's terms are search synonyms across languages. The table belongs to the translation
 * feature; where it is not migrated yet, this test creates it in its own shape (id, zh, ru, en,
 * updated_at) in the test database.
 */
class GlossarySynonymsIT extends CatalogueIntegrationTest {

    @AfterEach
    void forgetTheTerm() {
        jdbc.sql("DELETE FROM glossary_terms WHERE zh = '帆布鞋测试'").update();
    }

    @Test
    void aGlossaryTermFindsGoodsTitledInItsOtherLanguages() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS glossary_terms (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    zh text NOT NULL, ru text, en text, updated_at timestamptz NOT NULL DEFAULT now())
                """).update();
        CatalogueFixture fixture = fixture();
        fixture.cnyRate("12.5");
        fixture.emptyIndex();
        long canvas = fixture.insertAndIndex(List.of(new Product(
                        "taobao", "sneakers", null, "Парусиновые полукеды", null, "帆布鞋测试 白色", 5_900, 4.0, 3, true)))
                .getFirst();
        jdbc.sql("INSERT INTO glossary_terms (zh, ru, en) VALUES ('帆布鞋测试', 'полукеды', 'plimsolls')")
                .update();

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(ids("plimsolls"))
                            .as("once the glossary cache has expired")
                            .containsExactly(canvas);
                });
        assertThat(ids("white plimsolls")).isEmpty();
        assertThat(ids("帆布鞋测试")).containsExactly(canvas);
    }

    private List<Long> ids(String query) {
        Http.Response response = api.get("/api/v1/products?q=" + enc(query));
        assertThat(response.status()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        response.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
