package dev.silkway.storefront.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeliveryAdminIT extends StorefrontIntegrationTest {

    private Map<String, Object> line(String method) {
        for (JsonNode line :
                api.get("/api/v1/admin/delivery-lines", admin().accessToken()).json()) {
            if (line.path("method").asString().equals(method)) {
                return new HashMap<>(Map.copyOf(
                        tools.jackson.databind.json.JsonMapper.builder().build().convertValue(line, Map.class)));
            }
        }
        throw new AssertionError("no line " + method);
    }

    @Test
    void listsTheSeededAirSeaAndExpressLines() {
        JsonNode lines =
                api.get("/api/v1/admin/delivery-lines", admin().accessToken()).json();

        assertThat(lines).hasSize(3);
        assertThat(lines.findValuesAsString("method")).containsExactlyInAnyOrder("AIR", "SEA", "EXPRESS");
        assertThat(lines.get(0).path("countries").toString()).contains("RU", "KZ", "BY");
    }

    @Test
    void anAdminChangesATariffAndTheProductPageFollowsAndTheChangeIsAudited() {
        var admin = admin();
        var catalogue = new CheckoutCatalogue(jdbc);
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
        var sku = catalogue.product("sneakers", "Кроссовки", 39_990, 5);
        Map<String, Object> seeded = line("EXPRESS");
        Map<String, Object> express = new HashMap<>(seeded);
        express.put("firstHalfKgMinor", 100_000);
        express.put("nextHalfKgMinor", 50_000);
        express.put("minChargeMinor", 100_000);

        var saved = api.put("/api/v1/admin/delivery-lines", List.of(express), admin.accessToken());

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        // 2,002 g = 5 halves: 1,000 + 4 x 500 = 3,000.00; + 4,998.75 + 187.50 + 249.94 = 8,436.19
        JsonNode page = api.get("/api/v1/products/" + sku.productId(), null).json();
        for (JsonNode option : page.path("delivery")) {
            if (option.path("method").asString().equals("EXPRESS")) {
                assertThat(option.path("landedCostFrom").path("amount").asString())
                        .isEqualTo("8436.19");
            }
        }
        JsonNode audit = api.get("/api/v1/admin/audit-log?action=DELIVERY_LINE_CHANGED", admin.accessToken())
                .json();
        assertThat(audit.path("items").get(0).path("targetId").asString()).isEqualTo("EXPRESS");
        // the other tests of this context quote on the seeded tariff
        assertThat(api.put("/api/v1/admin/delivery-lines", List.of(seeded), admin.accessToken())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesAnInvalidLineWithFieldErrorsAndShoppersMayNotEditLines() {
        Map<String, Object> air = line("AIR");
        air.put("etaMinDays", 20);
        air.put("etaMaxDays", 10);

        var refused = api.put("/api/v1/admin/delivery-lines", List.of(air), admin().accessToken());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("[0].etaMaxDays");
        var shopper = Shoppers.signUp(api);
        assertThat(api.put("/api/v1/admin/delivery-lines", List.of(air), shopper.accessToken())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAdminSetsACategorysDefaultWeightAndSize() {
        var admin = admin();

        var saved = api.put(
                "/api/v1/admin/shipping-defaults/fragrances",
                Map.of("weightGrams", 450, "lengthMm", 120, "widthMm", 80, "heightMm", 60),
                admin.accessToken());

        assertThat(saved.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/shipping-defaults", admin.accessToken())
                        .json()
                        .findValuesAsString("category"))
                .contains("fragrances");
        assertThat(api.put(
                                "/api/v1/admin/shipping-defaults/no-such-category",
                                Map.of("weightGrams", 1, "lengthMm", 1, "widthMm", 1, "heightMm", 1),
                                admin.accessToken())
                        .status())
                .isEqualTo(404);
    }
}
