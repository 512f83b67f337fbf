package dev.silkway.storefront.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BrandAliasesIT extends StorefrontIntegrationTest {

    @Test
    void anAdminGivesABrandItsSpellingsAndTheProductsOfEverySpellingAreReindexed() {
        String latin = "Brand" + UUID.randomUUID().toString().substring(0, 8);
        String chinese = "安" + UUID.randomUUID().toString().substring(0, 4);
        long brand = brand(latin);
        long chineseBrand = brand(chinese);
        long product = product(brand);
        long chineseProduct = product(chineseBrand);
        var admin = admin();

        var response = api.put(
                "/api/v1/admin/brand-aliases/" + brand,
                Map.of("nameZh", chinese, "aliases", List.of(" Бренд  Один ", chinese, latin.toUpperCase())),
                admin.accessToken());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("nameZh").asString()).isEqualTo(chinese);
        assertThat(response.json().path("aliases").toString())
                .as("normalized, the brand's own name left out")
                .isEqualTo("[\"бренд один\",\"" + chinese.toLowerCase() + "\"]");
        assertThat(versionAndEvents(product)).isEqualTo("1 1");
        assertThat(versionAndEvents(chineseProduct)).isEqualTo("1 1");
        var listed = api.get("/api/v1/admin/brand-aliases?q=" + enc("БРЕНД один"), admin.accessToken());
        assertThat(listed.json().path("items").get(0).path("id").asLong()).isEqualTo(brand);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'BRAND_ALIASES_CHANGED' AND target_id = ?")
                        .param(Long.toString(brand))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var emptied =
                api.put("/api/v1/admin/brand-aliases/" + brand, Map.of("aliases", List.of()), admin.accessToken());
        assertThat(emptied.json().path("aliases").toString()).isEqualTo("[]");
        assertThat(versionAndEvents(chineseProduct))
                .as("a spelling that leaves the brand is reindexed as its own brand again")
                .isEqualTo("2 2");
    }

    @Test
    void refusesAnAliasOfAnotherBrandAndAnUnknownBrand() {
        long first = brand("First" + UUID.randomUUID().toString().substring(0, 8));
        long second = brand("Second" + UUID.randomUUID().toString().substring(0, 8));
        String alias = "alias-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = admin();
        assertThat(api.put(
                                "/api/v1/admin/brand-aliases/" + first,
                                Map.of("aliases", List.of(alias)),
                                admin.accessToken())
                        .status())
                .isEqualTo(200);

        var taken = api.put(
                "/api/v1/admin/brand-aliases/" + second, Map.of("aliases", List.of(alias)), admin.accessToken());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(api.put(
                                "/api/v1/admin/brand-aliases/999999999",
                                Map.of("aliases", List.of("x")),
                                admin.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/admin/brand-aliases/" + second,
                                Map.of("aliases", List.of(" ")),
                                admin.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aShopperCannotEditBrands() {
        var shopper = Shoppers.signUp(api);
        long brand = brand("Shop" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(api.get("/api/v1/admin/brand-aliases", shopper.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.put(
                                "/api/v1/admin/brand-aliases/" + brand,
                                Map.of("aliases", List.of("x")),
                                shopper.accessToken())
                        .status())
                .isEqualTo(403);
    }

    private long brand(String name) {
        return jdbc.sql("INSERT INTO brands (name, normalized_name) VALUES (?, lower(?)) RETURNING id")
                .params(name, name)
                .query(Long.class)
                .single();
    }

    private long product(long brand) {
        return jdbc.sql("""
                INSERT INTO products (marketplace_code, external_id, category_id, brand_id, title_original, content_hash)
                SELECT 'taobao', ?, c.id, ?, '商品', decode('00', 'hex') FROM categories c WHERE c.code = 'sneakers'
                RETURNING id
                """)
                .params(UUID.randomUUID().toString(), brand)
                .query(Long.class)
                .single();
    }

    private String versionAndEvents(long product) {
        return jdbc.sql("""
                SELECT p.version || ' ' || (SELECT count(*) FROM outbox_events e
                                            WHERE e.aggregate_type = 'product' AND e.aggregate_id = p.id::text)
                FROM products p WHERE p.id = ?
                """).param(product).query(String.class).single();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
