package dev.silkway.storefront.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlossaryIT extends StorefrontIntegrationTest {

    @Test
    void anAdminReplacesTheGlossaryAndTheChangeIsAudited() {
        var admin = admin();
        List<Map<String, String>> terms = List.of(
                Map.of("zh", "运动鞋", "ru", "кроссовки", "en", "sneakers"), Map.of("zh", " 卫衣 ", "ru", "толстовка"));

        var replaced = api.put("/api/v1/admin/glossary", Map.of("terms", terms), admin.accessToken());

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        var glossary = api.get("/api/v1/admin/glossary", admin.accessToken());
        assertThat(glossary.status()).isEqualTo(200);
        assertThat(glossary.json().path("terms")).hasSize(2);
        assertThat(glossary.json().path("terms").get(0).path("zh").asString()).isEqualTo("卫衣");
        assertThat(glossary.json().path("terms").get(0).path("ru").asString()).isEqualTo("толстовка");
        assertThat(glossary.json().path("terms").get(0).path("en").isNull()).isTrue();
        assertThat(glossary.json().path("updatedAt").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM glossary_terms WHERE updated_by IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        var audit = api.get("/api/v1/admin/audit-log?action=GLOSSARY_REPLACED", admin.accessToken());
        assertThat(audit.json()
                        .path("items")
                        .get(0)
                        .path("details")
                        .path("termsAfter")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void refusesAnInvalidGlossaryWithProblemDetails() {
        var admin = admin();

        var blank = api.put(
                "/api/v1/admin/glossary", Map.of("terms", List.of(Map.of("zh", "", "ru", "x"))), admin.accessToken());
        var twice = api.put(
                "/api/v1/admin/glossary",
                Map.of("terms", List.of(Map.of("zh", "卫衣", "ru", "худи"), Map.of("zh", "卫衣", "ru", "толстовка"))),
                admin.accessToken());

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("errors").get(0).path("field").asString()).isEqualTo("terms[1].zh");
    }

    @Test
    void onlyAnAdminReadsOrChangesTheGlossary() {
        var shopper = Shoppers.signUp(api);

        assertThat(api.get("/api/v1/admin/glossary", shopper.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/admin/glossary", Map.of("terms", List.of()), shopper.accessToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/glossary", null).status()).isEqualTo(401);
    }
}
