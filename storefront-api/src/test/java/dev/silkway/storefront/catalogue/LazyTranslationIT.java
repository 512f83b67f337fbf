package dev.silkway.storefront.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.catalogue.CatalogueFixture.Product;
import dev.silkway.testsupport.SandboxTranslator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A product page's description and SKU attributes are translated into Russian on its first view. */
class LazyTranslationIT extends CatalogueIntegrationTest {

    @BeforeEach
    @AfterEach
    void quietSandbox() {
        SandboxTranslator.faults(SandboxTranslator.NO_FAULTS);
    }

    @Test
    void translatesTheDescriptionAndSkuAttributesOnFirstViewAndRemembersThem() {
        long id = chineseProduct("<p>耐克 透气 男款跑步鞋，正品保障</p>", "黑色");
        SandboxTranslator.resetUsage();

        JsonNode page = api.get("/api/v1/products/" + id).json();

        assertThat(page.get("description").asString())
                .isEqualTo("Nike дышащие мужские беговые кроссовки, гарантия подлинности");
        assertThat(page.get("skus").get(0).get("attributes").get("colour").asString())
                .isEqualTo("чёрный");
        assertThat(page.get("skus").get(0).get("attributes").get("size").asString())
                .isEqualTo("41");
        long calls = SandboxTranslator.calls();
        assertThat(calls).isPositive();

        long other = chineseProduct("<p>耐克 透气 男款跑步鞋，正品保障</p>", "黑色");
        JsonNode again = api.get("/api/v1/products/" + id).json();
        JsonNode twin = api.get("/api/v1/products/" + other).json();

        assertThat(again.get("description").asString()).startsWith("Nike");
        assertThat(twin.get("description").asString()).startsWith("Nike");
        assertThat(SandboxTranslator.calls())
                .as("the same texts come from the stored page or the translation memory")
                .isEqualTo(calls);
    }

    @Test
    void answersWithTheOriginalWhenTheTranslatorIsSlowAndShowsRussianOnALaterView() {
        long id = chineseProduct("<p>李宁 防滑 女款篮球鞋</p>", "白色");
        SandboxTranslator.faults(
                "{\"rateLimit\":0,\"serverError\":0,\"slow\":1,\"slowDelay\":\"PT3S\",\"malformed\":0.05}");

        long started = System.nanoTime();
        Http.Response first = api.get("/api/v1/products/" + id);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("description").asString()).isEqualTo("<p>李宁 防滑 女款篮球鞋</p>");
        SandboxTranslator.faults(SandboxTranslator.NO_FAULTS);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/v1/products/" + id)
                                .json()
                                .get("description")
                                .asString())
                        .isEqualTo("Li-Ning нескользящие женские баскетбольные кроссовки"));
    }

    private long chineseProduct(String description, String colour) {
        long id = fixture()
                .insert(new Product(
                        "taobao", "sneakers", "Nike", "Кроссовки Nike", null, "耐克跑步鞋", 59_900, 4.5, 10, true));
        jdbc.sql("UPDATE products SET description_original = :d, description_ru = NULL WHERE id = :id")
                .param("d", description)
                .param("id", id)
                .update();
        jdbc.sql(
                        "UPDATE skus SET attributes = jsonb_build_object('colour', :c::text, 'size', '41') WHERE product_id = :id")
                .param("c", colour)
                .param("id", id)
                .update();
        return id;
    }
}
