package dev.silkway.storefront.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.catalogue.CatalogueFixture.Product;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The product page, categories and marketplaces, all from PostgreSQL, public. */
class ProductPageIT extends CatalogueIntegrationTest {

    @Test
    void showsAProductWithSkusImagesAttributesAndPricesInRublesAndYuan() {
        CatalogueFixture fixture = fixture();
        fixture.cnyRate("12.5");
        long id = fixture.insert(new Product(
                "poizon", "boots", "Timberland", "Ботинки Timberland", null, "添柏岚靴子", 99_900, 4.9, 321, true));

        Http.Response response = api.get("/api/v1/products/" + id);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.get("id").asString()).isEqualTo(Long.toString(id));
        assertThat(page.get("title").asString()).isEqualTo("Ботинки Timberland");
        assertThat(page.get("titleOriginal").asString()).isEqualTo("添柏岚靴子");
        assertThat(page.get("brand").asString()).isEqualTo("Timberland");
        assertThat(page.get("marketplace").asString()).isEqualTo("poizon");
        assertThat(page.get("category").get("path").asString()).isEqualTo("shoes/boots");
        assertThat(page.get("images")).hasSize(1);
        assertThat(page.get("attributes").get(0).get("name").asString()).isEqualTo("Материал");
        assertThat(page.get("skus")).hasSize(2);
        assertThat(page.get("skus").get(0).get("attributes").get("size").asString())
                .isEqualTo("41");
        assertThat(page.get("skus")
                        .get(1)
                        .get("price")
                        .get("original")
                        .get("amount")
                        .asString())
                .isEqualTo("1009.00");
        assertThat(page.get("price").get("amount").isString())
                .as("money amounts are string decimals")
                .isTrue();
        assertThat(page.get("price").get("amount").asString()).isEqualTo("12487.50");
        assertThat(page.get("price").get("original").get("amount").asString()).isEqualTo("999.00");
        assertThat(page.get("rating").decimalValue()).isEqualByComparingTo("4.9");
        assertThat(page.get("reviewCount").asLong()).isEqualTo(321);
        assertThat(page.get("sourceUrl").asString()).startsWith("https://item.example/");
    }

    @Test
    void answers404ForAnUnknownHiddenOrMalformedProduct() {
        long id = fixture().insert(new Product("jd", "watches", "Casio", "Часы", null, "手表", 10_000, 4.0, 1, true));
        jdbc.sql("UPDATE products SET status = 'HIDDEN' WHERE id = :id")
                .param("id", id)
                .update();

        for (String path :
                new String[] {"/api/v1/products/" + id, "/api/v1/products/999999999", "/api/v1/products/abc"}) {
            Http.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void listsTheCategoryTreeWithTheVisibleProductsOfEachSubtree() {
        long before = count(api.get("/api/v1/categories").json(), "eyewear");
        CatalogueFixture fixture = fixture();
        fixture.insert(new Product("taobao", "eyewear", null, "Очки солнцезащитные", null, "太阳镜", 5_000, 4.0, 3, true));
        fixture.insert(new Product("taobao", "eyewear", null, "Очки для чтения", null, "老花镜", 3_000, 4.0, 3, true));

        JsonNode tree = api.get("/api/v1/categories").json();

        assertThat(count(tree, "eyewear")).isEqualTo(before + 2);
        assertThat(count(tree, "bags-accessories")).isGreaterThanOrEqualTo(before + 2);
        assertThat(tree.get(0).get("children")).isNotEmpty();
    }

    @Test
    void listsTheMarketplacesWithTheirVisibleProducts() {
        long before = marketplaceCount("pinduoduo");
        fixture().insert(new Product("pinduoduo", "kids", null, "Игрушка", null, "玩具", 1_000, 4.0, 1, true));

        assertThat(marketplaceCount("pinduoduo")).isEqualTo(before + 1);
    }

    @Test
    void listsOnlyEnabledMarketplacesThatHaveProducts() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String empty = "empty-" + suffix;
        String disabled = "disabled-" + suffix;
        for (String code : java.util.List.of(empty, disabled)) {
            jdbc.sql("INSERT INTO marketplaces (code, name, protocol, schedule, feed_definition, enabled)"
                            + " VALUES (?, ?, 'generic-json', '0 0 * * * ?', '{}'::jsonb, ?)")
                    .params(code, code, code.equals(empty))
                    .update();
        }
        fixture().insert(new Product(disabled, "kids", null, "Игрушка", null, "玩具", 1_000, 4.0, 1, true));
        fixture().insert(new Product("pinduoduo", "kids", null, "Кубики", null, "积木", 1_500, 4.0, 1, true));

        assertThat(api.get("/api/v1/marketplaces").json().findValuesAsString("code"))
                .doesNotContain(empty, disabled)
                .contains("pinduoduo");
    }

    /** The marketplace's product count in the public list; 0 when it is not listed (no visible products). */
    private long marketplaceCount(String code) {
        for (JsonNode m : api.get("/api/v1/marketplaces").json()) {
            if (m.get("code").asString().equals(code)) {
                assertThat(m.get("name").asString()).isNotBlank();
                return m.get("productCount").asLong();
            }
        }
        return 0;
    }

    private static long count(JsonNode nodes, String code) {
        for (JsonNode node : nodes) {
            if (node.get("code").asString().equals(code)) {
                return node.get("productCount").asLong();
            }
            long inChildren = count(node.get("children"), code);
            if (inChildren >= 0) {
                return inChildren;
            }
        }
        return -1;
    }
}
