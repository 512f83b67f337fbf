package dev.silkway.storefront.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.CheckoutApi;
import dev.silkway.storefront.CheckoutBuyers;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Quotes through the API on the seeded delivery lines, category defaults and customs rules. */
class QuoteIT extends StorefrontIntegrationTest {

    private CheckoutApi checkout;
    private CheckoutCatalogue catalogue;

    @BeforeEach
    void setUp() {
        checkout = new CheckoutApi(port);
        catalogue = new CheckoutCatalogue(jdbc);
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
    }

    private void add(Shoppers.Session shopper, CheckoutCatalogue.Sku sku, int quantity) {
        new CheckoutBuyers(api, checkout).add(shopper, sku, quantity);
    }

    private String address(Shoppers.Session shopper, String country, String postalCode, String phone) {
        Map<String, Object> address = new HashMap<>(Shoppers.moscowAddress());
        address.put("country", country);
        address.put("postalCode", postalCode);
        address.put("phone", phone);
        var created = api.post("/api/v1/me/addresses", address, shopper.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private Api.Response quote(Shoppers.Session shopper, String addressId, String method, boolean insurance) {
        long version = api.get("/api/v1/cart", shopper.accessToken())
                .json()
                .path("version")
                .asLong();
        return quote(shopper, addressId, method, insurance, version);
    }

    private Api.Response quote(
            Shoppers.Session shopper, String addressId, String method, boolean insurance, long version) {
        return api.post(
                "/api/v1/checkout/quote",
                Map.of(
                        "addressId",
                        addressId,
                        "deliveryMethod",
                        method,
                        "insurance",
                        insurance,
                        "cartVersion",
                        version),
                shopper.accessToken());
    }

    private static String amount(JsonNode quote, String kind) {
        for (JsonNode line : quote.path("lines")) {
            if (line.path("kind").asString().equals(kind)) {
                return line.path("amount").path("amount").asString();
            }
        }
        return "absent";
    }

    @Test
    void quotesTheCartToTheKopeckWithTheFeedsWeightAndSize() {
        // 1000 CNY x 12.5 = 12,500.00; 800 g, 300x200x100 mm -> 1,200 g volumetric: AIR 450 + 2 x 300 =
        // 1,050.00; China 187.50; fee 5% 625.00; €125: no duty. Total 14,362.50.
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("bags", "Сумка кожаная", 100_000, 5);
        catalogue.weight(sku, 800, 300, 200, 100);
        add(shopper, sku, 1);

        var response = quote(shopper, address(shopper, "RU", "125009", "+79161234567"), "AIR", false);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode quote = response.json();
        assertThat(amount(quote, "GOODS")).isEqualTo("12500.00");
        assertThat(amount(quote, "CHINA_DELIVERY")).isEqualTo("187.50");
        assertThat(amount(quote, "INTERNATIONAL_DELIVERY")).isEqualTo("1050.00");
        assertThat(amount(quote, "SERVICE_FEE")).isEqualTo("625.00");
        assertThat(amount(quote, "CUSTOMS_DUTY")).isEqualTo("0.00");
        assertThat(amount(quote, "INSURANCE")).isEqualTo("absent");
        assertThat(quote.path("total").path("amount").asString()).isEqualTo("14362.50");
        assertThat(quote.path("total").path("currency").asString()).isEqualTo("RUB");
        assertThat(quote.path("chargeableWeightGrams").asInt()).isEqualTo(1_200);
        assertThat(quote.path("estimatedWeights").asBoolean()).isFalse();
        assertThat(quote.path("rate").path("value").asString()).isEqualTo("12.5000000000");
        assertThat(quote.path("quoteId").asString()).isNotBlank();
        assertThat(quote.path("expiresAt").asString()).isNotBlank();
        assertThat(quote.path("blockedLines")).isEmpty();
    }

    @Test
    void estimatesTheWeightFromTheCategoryWhenTheFeedGivesNoneAndSaysSo() {
        // Shoes default 1,200 g, 350x220x130 mm = 2,002 g volumetric: AIR 5 halves 450 + 4 x 300 = 1,650.00.
        // 399.90 CNY = 4,998.75; fee 249.9375 -> 249.94; China 187.50. Total 7,086.19.
        var shopper = Shoppers.signUp(api);
        add(shopper, catalogue.product("sneakers", "Кроссовки", 39_990, 5), 1);

        JsonNode quote = quote(shopper, address(shopper, "RU", "125009", "+79161234567"), "AIR", false)
                .json();

        assertThat(quote.path("estimatedWeights").asBoolean()).isTrue();
        assertThat(quote.path("chargeableWeightGrams").asInt()).isEqualTo(2_002);
        assertThat(quote.path("total").path("amount").asString()).isEqualTo("7086.19");
    }

    @Test
    void aCategoryWithoutDefaultsTakesItsParentsUntilAnAdminSetsItsOwnWhichTheNextQuoteUses() {
        // Underwear has no defaults of its own: clothing's 500 g, 300x250x50 mm = 750 g volumetric. Then its own,
        // 200 g, 100x100x50 mm = 100 g volumetric: 200 g.
        var shopper = Shoppers.signUp(api);
        add(shopper, catalogue.product("underwear-sleepwear", "Пижама", 9_990, 5), 1);
        String address = address(shopper, "RU", "125009", "+79161234567");
        JsonNode inherited = quote(shopper, address, "AIR", false).json();
        try {
            var saved = api.put(
                    "/api/v1/admin/shipping-defaults/underwear-sleepwear",
                    Map.of("weightGrams", 200, "lengthMm", 100, "widthMm", 100, "heightMm", 50),
                    admin().accessToken());
            JsonNode own = quote(shopper, address, "AIR", false).json();

            assertThat(inherited.path("estimatedWeights").asBoolean()).isTrue();
            assertThat(inherited.path("chargeableWeightGrams").asInt()).isEqualTo(750);
            assertThat(saved.status()).isEqualTo(200);
            assertThat(own.path("estimatedWeights").asBoolean()).isTrue();
            assertThat(own.path("chargeableWeightGrams").asInt()).isEqualTo(200);
        } finally {
            jdbc.sql("""
                            DELETE FROM category_shipping_defaults
                            WHERE category_id = (SELECT id FROM categories WHERE code = 'underwear-sleepwear')""").update();
        }
    }

    @Test
    void anOrderAboveTwoHundredEurosToBelarusPaysDutyAndIsOfferedASavingSplit() {
        // 2 x 1200 CNY = 30,000.00 (€300), 1,000 g each: AIR 1,350.00, duty 15% of €100 = 1,500.00,
        // insurance 600.00, fee 1,500.00, China 187.50: 35,137.50; split into two €150 parcels saves 1,350.00.
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("watches", "Часы", 120_000, 5);
        catalogue.weight(sku, 1_000, 200, 100, 100);
        add(shopper, sku, 2);

        JsonNode quote = quote(shopper, address(shopper, "BY", "220030", "+375291234567"), "AIR", true)
                .json();

        assertThat(amount(quote, "CUSTOMS_DUTY")).isEqualTo("1500.00");
        assertThat(amount(quote, "INSURANCE")).isEqualTo("600.00");
        assertThat(quote.path("total").path("amount").asString()).isEqualTo("35137.50");
        assertThat(quote.path("splitProposal").path("parcels")).hasSize(2);
        assertThat(quote.path("splitProposal").path("saving").path("amount").asString())
                .isEqualTo("1350.00");
        assertThat(quote.path("splitProposal").path("total").path("amount").asString())
                .isEqualTo("33787.50");
    }

    @Test
    void aStaleCartVersionIsRefusedWithTheChangedLines() {
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("sneakers", "Кроссовки", 39_990, 5);
        add(shopper, sku, 1);
        String address = address(shopper, "RU", "125009", "+79161234567");
        long seen = api.get("/api/v1/cart", shopper.accessToken())
                .json()
                .path("version")
                .asLong();

        catalogue.price(sku, 41_990);
        var refused = quote(shopper, address, "AIR", false, seen);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("changedLines")).hasSize(1);
        assertThat(refused.json()
                        .path("changedLines")
                        .get(0)
                        .path("priceChanged")
                        .asBoolean())
                .isTrue();
        long current = refused.json().path("cartVersion").asLong();
        assertThat(quote(shopper, address, "AIR", false, current).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cart", shopper.accessToken())
                        .json()
                        .path("items")
                        .get(0)
                        .has("priceChanged"))
                .isFalse();
    }

    @Test
    void restrictedGoodsAreListedAsBlockedLinesForTheLineThatCannotCarryThem() {
        var shopper = Shoppers.signUp(api);
        var battery = catalogue.product("phone-accessories", "Power bank 20000 mAh аккумулятор", 9_900, 5);
        add(shopper, battery, 1);
        add(shopper, catalogue.product("sneakers", "Кроссовки", 39_990, 5), 1);
        String address = address(shopper, "RU", "125009", "+79161234567");

        JsonNode byAir = quote(shopper, address, "AIR", false).json();
        JsonNode bySea = quote(shopper, address, "SEA", false).json();

        assertThat(byAir.path("blockedLines")).hasSize(1);
        assertThat(byAir.path("blockedLines").get(0).path("skuId").asLong()).isEqualTo(battery.skuId());
        assertThat(bySea.path("blockedLines")).isEmpty();
    }

    @Test
    void anotherShoppersAddressIsNotFoundAndInsuranceOnExpressIsRefused() {
        var shopper = Shoppers.signUp(api);
        var other = Shoppers.signUp(api);
        add(shopper, catalogue.product("sneakers", "Кроссовки", 39_990, 5), 1);
        String othersAddress = address(other, "RU", "125009", "+79161234567");
        String mine = address(shopper, "RU", "125009", "+79161234567");

        assertThat(quote(shopper, othersAddress, "AIR", false).status()).isEqualTo(404);
        var insured = quote(shopper, mine, "EXPRESS", true);
        assertThat(insured.status()).isEqualTo(400);
        assertThat(insured.json().path("errors").get(0).path("field").asString())
                .isEqualTo("insurance");
        assertThat(api.post("/api/v1/checkout/quote", Map.of(), shopper.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/checkout/quote", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void theProductPageShowsEachLinesEtaAndLandedCostFromForTheShoppersCountry() {
        // One pair of sneakers (399.90 CNY, shoes defaults, 2,002 g chargeable) to Kazakhstan:
        // SEA 150 + 4 x 90 = 510 -> minimum 600.00: 4,998.75 + 187.50 + 600 + 249.94 = 6,036.19;
        // AIR 1,650.00: 7,086.19; EXPRESS 900 + 4 x 600 = 3,300.00: 8,736.19.
        var sku = catalogue.product("sneakers", "Кроссовки", 39_990, 5);

        var page = api.get("/api/v1/products/" + sku.productId() + "?country=KZ", null);

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().path("title").asString()).isEqualTo("Кроссовки");
        Map<String, String> from = new HashMap<>();
        for (JsonNode option : page.json().path("delivery")) {
            from.put(
                    option.path("method").asString(),
                    option.path("landedCostFrom").path("amount").asString());
            assertThat(option.path("restricted").asBoolean()).isFalse();
        }
        assertThat(from)
                .containsEntry("SEA", "6036.19")
                .containsEntry("AIR", "7086.19")
                .containsEntry("EXPRESS", "8736.19");
        assertThat(page.json()
                        .path("delivery")
                        .get(0)
                        .path("etaDays")
                        .path("min")
                        .asInt())
                .isEqualTo(5);
        assertThat(api.get("/api/v1/products/" + sku.productId() + "?country=kz", null)
                        .status())
                .isEqualTo(400);
    }
}
