package dev.silkway.storefront.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.CheckoutApi;
import dev.silkway.storefront.CheckoutBuyers;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * The database round trips of one purchase, per request, as the checkout benchmark makes it: add to cart,
 * quote, place the order (which opens its payment at the sandbox's YooKassa). The second purchase is the
 * one measured (reference data read once is then in memory); bounds keep a regression from slipping in.
 */
@Import(RoundTripCounting.class)
class CheckoutRoundTripsIT extends StorefrontIntegrationTest {

    @Test
    void aPurchaseTakesAtMostSixRoundTripsToAddFourToQuoteAndTenToOrderAndARefusedAddOne() {
        var catalogue = new CheckoutCatalogue(jdbc);
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
        var sku = catalogue.product("bags", "Round trips bag", 10_000, 100);
        catalogue.weight(sku, 400, 200, 150, 100);
        var shopper = Shoppers.signUp(api);
        String address = api.post(
                        "/api/v1/me/addresses", new HashMap<>(Shoppers.moscowAddress()), shopper.accessToken())
                .text("id");
        var checkout = new CheckoutApi(port);
        var buyers = new CheckoutBuyers(api, checkout);

        buy(checkout, buyers, shopper, sku, address, "round-trips-1");
        Map<String, List<String>> statements = buy(checkout, buyers, shopper, sku, address, "round-trips-2");
        Map<String, Integer> trips = new LinkedHashMap<>();
        statements.forEach((request, each) -> trips.put(request, each.size()));

        System.out.println("checkout round trips per request: " + trips);
        statements.forEach((request, each) -> each.forEach(trip -> System.out.println(request + ": " + trip)));
        // 8, 10 and 28 before reference data was kept in memory and the order's answer built from what it wrote;
        // the order 17 before its first payment attempt was written in the order's own transaction; the quote 7
        // while it acknowledged the cart's prices with an UPDATE even when none had moved; each one more while the
        // account's session was read for every request (now kept until the account changes); the quote one more while
        // it ran in a transaction even when it had nothing to acknowledge (its reads are single statements); the order
        // 12 while its key was looked up before the quote (now only when the quote cannot be used or the order's
        // unique indexes refuse it) and its lines were a statement of their own
        assertThat(trips.get("POST /api/v1/cart/items")).isLessThanOrEqualTo(6);
        assertThat(trips.get("POST /api/v1/checkout/quote")).isLessThanOrEqualTo(4);
        assertThat(trips.get("POST /api/v1/orders")).isLessThanOrEqualTo(10);

        // an add refused for stock (half the benchmark's attempts) reads the SKU and nothing else: 2 while it
        // read it in the transaction it then rolled back
        Api.Response refused = buyers.tryToAdd(shopper, sku, 999);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(roundTrips("POST", "/api/v1/cart/items")).hasSize(1);
    }

    private Map<String, List<String>> buy(
            CheckoutApi checkout,
            CheckoutBuyers buyers,
            Shoppers.Session shopper,
            CheckoutCatalogue.Sku sku,
            String address,
            String key) {
        Map<String, List<String>> trips = new LinkedHashMap<>();
        Api.Response added = buyers.tryToAdd(shopper, sku, 1);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        trips.put("POST /api/v1/cart/items", roundTrips("POST", "/api/v1/cart/items"));
        Api.Response quote = checkout.send(
                "POST",
                "/api/v1/checkout/quote",
                Map.of(
                        "addressId",
                        address,
                        "deliveryMethod",
                        "AIR",
                        "cartVersion",
                        added.json().path("version").asLong()),
                shopper.accessToken(),
                Map.of());
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        trips.put("POST /api/v1/checkout/quote", roundTrips("POST", "/api/v1/checkout/quote"));
        Api.Response placed = checkout.send(
                "POST",
                "/api/v1/orders",
                Map.of(
                        "quoteId",
                        quote.text("quoteId"),
                        "addressId",
                        address,
                        "deliveryMethod",
                        "AIR",
                        "paymentMethod",
                        "CARD"),
                shopper.accessToken(),
                Map.of("Idempotency-Key", key));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        trips.put("POST /api/v1/orders", roundTrips("POST", "/api/v1/orders"));
        return trips;
    }

    /** The round trips of the request just answered (its filter records them once the chain returns). */
    private static List<String> roundTrips(String method, String path) {
        var request = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> RoundTripCounting.REQUESTS.stream()
                                .filter(r ->
                                        r.method().equals(method) && r.path().equals(path))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        RoundTripCounting.REQUESTS.clear();
        return request.trips();
    }
}
