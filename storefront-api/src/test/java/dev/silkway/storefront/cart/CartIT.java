package dev.silkway.storefront.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.CheckoutApi;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CartIT extends StorefrontIntegrationTest {

    private CheckoutApi checkout;
    private CheckoutCatalogue catalogue;

    @BeforeEach
    void setUp() {
        checkout = new CheckoutApi(port);
        catalogue = new CheckoutCatalogue(jdbc);
        catalogue.rate("CNY", "12.5");
    }

    private static Map<String, Object> item(CheckoutCatalogue.Sku sku, int quantity) {
        return Map.of(
                "productId", Long.toString(sku.productId()), "skuId", Long.toString(sku.skuId()), "quantity", quantity);
    }

    private Api.Response add(Shoppers.Session shopper, CheckoutCatalogue.Sku sku, int quantity) {
        return checkout.send("POST", "/api/v1/cart/items", item(sku, quantity), shopper.accessToken(), Map.of());
    }

    private JsonNode cart(Shoppers.Session shopper) {
        var response = api.get("/api/v1/cart", shopper.accessToken());
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void showsEachLineInRoublesAtTheRateOfTheDayWithTheTotal() {
        var shopper = Shoppers.signUp(api);
        var sneakers = catalogue.product("sneakers", "Кроссовки", 39_990, 10);
        var cap = catalogue.product("hats-scarves", "Кепка", 5_005, 10);

        assertThat(add(shopper, sneakers, 2).status()).isEqualTo(201);
        assertThat(add(shopper, cap, 1).status()).isEqualTo(201);

        JsonNode cart = cart(shopper);
        assertThat(cart.path("items")).hasSize(2);
        JsonNode first = cart.path("items").get(0);
        assertThat(first.path("skuId").asString()).isEqualTo(Long.toString(sneakers.skuId()));
        assertThat(first.path("title").asString()).isEqualTo("Кроссовки");
        assertThat(first.path("unitPrice").path("amount").asString()).isEqualTo("4998.75");
        assertThat(first.path("unitPrice").path("currency").asString()).isEqualTo("RUB");
        assertThat(first.path("lineTotal").path("amount").asString()).isEqualTo("9997.50");
        assertThat(first.has("priceChanged")).isFalse();
        // 50.05 CNY x 12.5 = 625.625 -> 625.63 per unit, half-up
        assertThat(cart.path("items").get(1).path("unitPrice").path("amount").asString())
                .isEqualTo("625.63");
        assertThat(cart.path("total").path("amount").asString()).isEqualTo("10623.13");
    }

    @Test
    void addingTheSameSkuAgainRaisesTheQuantityOfItsLine() {
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("sneakers", "Кеды", 10_000, 10);

        add(shopper, sku, 2);
        add(shopper, sku, 3);

        JsonNode cart = cart(shopper);
        assertThat(cart.path("items")).hasSize(1);
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(5);
    }

    @Test
    void flagsMovedPricesShortStockAndUnavailableLinesAndChangesTheVersion() {
        var shopper = Shoppers.signUp(api);
        var pricey = catalogue.product("sneakers", "Кроссовки", 10_000, 10);
        var scarce = catalogue.product("bags", "Сумка", 20_000, 10);
        var gone = catalogue.product("watches", "Часы", 30_000, 10);
        add(shopper, pricey, 1);
        add(shopper, scarce, 4);
        add(shopper, gone, 1);
        JsonNode before = cart(shopper);
        assertThat(cart(shopper).path("version").asLong())
                .isEqualTo(before.path("version").asLong());

        catalogue.price(pricey, 12_000);
        catalogue.stock(scarce, 3);
        catalogue.hide(gone);

        JsonNode after = cart(shopper);
        assertThat(after.path("version").asLong())
                .isNotEqualTo(before.path("version").asLong());
        JsonNode moved = after.path("items").get(0);
        assertThat(moved.path("priceChanged").path("was").path("amount").asString())
                .isEqualTo("1250.00");
        assertThat(moved.path("priceChanged").path("now").path("amount").asString())
                .isEqualTo("1500.00");
        assertThat(after.path("items")
                        .get(1)
                        .path("stockShort")
                        .path("available")
                        .asInt())
                .isEqualTo(3);
        JsonNode hidden = after.path("items").get(2);
        assertThat(hidden.path("unavailable").asBoolean()).isTrue();
        assertThat(hidden.has("lineTotal")).isFalse();
        assertThat(after.path("total").path("amount").asString()).isEqualTo("11500.00");
    }

    @Test
    void theVersionStaysWhenStockMovesAboveTheQuantity() {
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("sneakers", "Кроссовки", 10_000, 10);
        add(shopper, sku, 2);
        long version = cart(shopper).path("version").asLong();

        catalogue.stock(sku, 7);

        assertThat(cart(shopper).path("version").asLong()).isEqualTo(version);
    }

    @Test
    void changingTheQuantityAcknowledgesTheNewPrice() {
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("sneakers", "Кроссовки", 10_000, 10);
        add(shopper, sku, 1);
        catalogue.price(sku, 11_000);
        String itemId = cart(shopper).path("items").get(0).path("itemId").asString();

        var changed = api.patch("/api/v1/cart/items/" + itemId, Map.of("quantity", 2), shopper.accessToken());

        assertThat(changed.status()).isEqualTo(200);
        JsonNode line = changed.json().path("items").get(0);
        assertThat(line.path("quantity").asInt()).isEqualTo(2);
        assertThat(line.has("priceChanged")).isFalse();
    }

    @Test
    void removesALine() {
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("sneakers", "Кроссовки", 10_000, 10);
        add(shopper, sku, 1);
        String itemId = cart(shopper).path("items").get(0).path("itemId").asString();

        var removed = api.delete("/api/v1/cart/items/" + itemId, shopper.accessToken());

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("items")).isEmpty();
        assertThat(removed.json().path("total").path("amount").asString()).isEqualTo("0.00");
    }

    @Test
    void refusesQuantitiesOutsideOneTo999AndAboveTheStockWithFieldErrors() {
        var shopper = Shoppers.signUp(api);
        var sku = catalogue.product("sneakers", "Кроссовки", 10_000, 5);

        for (int quantity : new int[] {0, 1000, 6}) {
            var refused = add(shopper, sku, quantity);
            assertThat(refused.status()).as("quantity %d", quantity).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("quantity");
        }
        var unknownSku = checkout.send(
                "POST",
                "/api/v1/cart/items",
                Map.of("productId", Long.toString(sku.productId()), "skuId", "999999999", "quantity", 1),
                shopper.accessToken(),
                Map.of());
        assertThat(unknownSku.status()).isEqualTo(400);
        assertThat(unknownSku.json().path("errors").get(0).path("field").asString())
                .isEqualTo("skuId");
    }

    @Test
    void refusesTheLineAfterTheHundredth() {
        var shopper = Shoppers.signUp(api);
        for (int i = 0; i < 100; i++) {
            assertThat(add(shopper, catalogue.product("home-decor", "Ваза " + i, 1_000, 10), 1)
                            .status())
                    .isEqualTo(201);
        }

        var refused = add(shopper, catalogue.product("home-decor", "Ваза 101", 1_000, 10), 1);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("items");
    }

    @Test
    void aGuestCartIsAddressedByTheTokenAnsweredOnTheFirstWrite() {
        var sku = catalogue.product("sneakers", "Кроссовки", 10_000, 10);

        var first = checkout.guest("POST", "/api/v1/cart/items", item(sku, 1), null);

        assertThat(first.status()).isEqualTo(201);
        String token = first.header("X-Cart-Token");
        assertThat(token).isNotBlank();
        var again = checkout.guest("POST", "/api/v1/cart/items", item(sku, 2), token);
        assertThat(again.header("X-Cart-Token")).isNull();
        var read = checkout.guest("GET", "/api/v1/cart", null, token);
        assertThat(read.json().path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(checkout.guest("GET", "/api/v1/cart", null, null).json().path("items"))
                .isEmpty();
        assertThat(checkout.guest("GET", "/api/v1/cart", null, "not-a-token")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aGuestCartIsMergedIntoTheShoppersAtSignInWithQuantitiesCappedByStock() {
        var shopper = Shoppers.signUp(api);
        var both = catalogue.product("sneakers", "Кроссовки", 10_000, 4);
        var guestOnly = catalogue.product("bags", "Сумка", 20_000, 10);
        add(shopper, both, 2);
        String token = checkout.guest("POST", "/api/v1/cart/items", item(both, 3), null)
                .header("X-Cart-Token");
        checkout.guest("POST", "/api/v1/cart/items", item(guestOnly, 2), token);

        var login = checkout.send(
                "POST",
                "/api/v1/auth/login",
                Map.of("email", shopper.email(), "password", Shoppers.PASSWORD),
                null,
                Map.of("X-Cart-Token", token));

        assertThat(login.status()).isEqualTo(200);
        JsonNode cart = api.get("/api/v1/cart", login.text("accessToken")).json();
        assertThat(cart.path("items")).hasSize(2);
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(4);
        assertThat(cart.path("items").get(1).path("quantity").asInt()).isEqualTo(2);
        assertThat(checkout.guest("GET", "/api/v1/cart", null, token).json().path("items"))
                .isEmpty();
    }

    @Test
    void anotherShoppersCartItemIsNotFound() {
        var owner = Shoppers.signUp(api);
        var other = Shoppers.signUp(api);
        var sku = catalogue.product("sneakers", "Кроссовки", 10_000, 10);
        add(owner, sku, 1);
        add(other, sku, 1);
        String itemId = cart(owner).path("items").get(0).path("itemId").asString();

        assertThat(api.patch("/api/v1/cart/items/" + itemId, Map.of("quantity", 2), other.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/cart/items/" + itemId, other.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/cart/items/" + UUID.randomUUID(), owner.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(cart(owner).path("items").get(0).path("quantity").asInt()).isEqualTo(1);
    }
}
