package dev.silkway.storefront.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.CheckoutApi;
import dev.silkway.storefront.CheckoutBuyers;
import dev.silkway.storefront.CheckoutBuyers.Buyer;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderIT extends StorefrontIntegrationTest {

    private CheckoutApi checkout;
    private CheckoutCatalogue catalogue;
    private CheckoutBuyers buyers;

    @BeforeEach
    void setUp() {
        checkout = new CheckoutApi(port);
        catalogue = new CheckoutCatalogue(jdbc);
        buyers = new CheckoutBuyers(api, checkout);
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
    }

    private Buyer buyer(CheckoutCatalogue.Sku sku, int quantity) {
        return buyers.buyer(sku, quantity);
    }

    private Api.Response place(Buyer buyer, String key, Map<String, Object> body) {
        return buyers.place(buyer, key, body);
    }

    private int held(CheckoutCatalogue.Sku sku) {
        return jdbc.sql("SELECT COALESCE((SELECT held FROM sku_holds WHERE sku_id = ?), 0)")
                .param(sku.skuId())
                .query(Integer.class)
                .single();
    }

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?")
                .param(UUID.fromString(orderId))
                .query(String.class)
                .single();
    }

    @Test
    void placesAnOrderAwaitingPaymentFromTheQuoteWithItsSnapshotHistoryAndEvent() {
        var sku = catalogue.product("bags", "Сумка кожаная", 100_000, 5);
        catalogue.weight(sku, 800, 300, 200, 100);
        var buyer = buyer(sku, 2);

        var placed = place(buyer, "key-1", buyer.order(false));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode order = placed.json();
        String id = order.path("id").asString();
        assertThat(order.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.path("number").asLong()).isGreaterThan(100_000);
        assertThat(order.path("total")).isEqualTo(buyer.quote().path("total"));
        assertThat(order.path("payment").path("provider").asString()).isEqualTo("YOOKASSA");
        assertThat(order.path("payment").path("confirmationUrl").asString()).contains("/yookassa/checkout/");
        JsonNode line = order.path("lines").get(0);
        assertThat(line.path("skuId").asString()).isEqualTo(Long.toString(sku.skuId()));
        assertThat(line.path("quantity").asInt()).isEqualTo(2);
        assertThat(line.path("unitPrice").path("amount").asString()).isEqualTo("12500.00");
        assertThat(line.path("lineTotal").path("amount").asString()).isEqualTo("25000.00");
        assertThat(order.path("quoteLines")).hasSize(buyer.quote().path("lines").size());
        assertThat(order.path("statusHistory")).hasSize(1);
        assertThat(order.path("statusHistory").get(0).path("to").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.path("statusHistory").get(0).path("source").asString()).isEqualTo("SHOPPER");
        assertThat(held(sku)).isEqualTo(2);
        assertThat(api.get("/api/v1/cart", buyer.session().accessToken()).json().path("items"))
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_type = 'order' AND aggregate_id = ?"
                                + " AND event_type = 'OrderPlaced'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        byte[] envelope = jdbc.sql("SELECT shipping_address_enc FROM orders WHERE id = ?")
                .param(UUID.fromString(id))
                .query(byte[].class)
                .single();
        assertThat(new String(envelope, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Тверская");
        var history = api.get(
                        "/api/v1/me/orders?status=AWAITING_PAYMENT",
                        buyer.session().accessToken())
                .json();
        assertThat(history.path("items").get(0).path("id").asString()).isEqualTo(id);
        // the history names the order's number as the order itself does
        assertThat(history.path("items").get(0).path("number")).isEqualTo(order.path("number"));
        assertThat(api.get("/api/v1/me/orders?status=CANCELLED", buyer.session().accessToken())
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/orders/" + id, buyer.session().accessToken())
                        .json()
                        .path("id")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void theSameKeyAnswersTheSameOrderAnotherBodyIs422AndNoKeyIs400() {
        var sku = catalogue.product("bags", "Сумка", 10_000, 5);
        var buyer = buyer(sku, 1);

        var first = place(buyer, "retry-me", buyer.order(false));
        var again = place(buyer, "retry-me", buyer.order(false));
        Map<String, Object> other = new HashMap<>(buyer.order(false));
        other.put("paymentMethod", "CRYPTO");
        var otherBody = place(buyer, "retry-me", other);
        var noKey = checkout.send(
                "POST", "/api/v1/orders", buyer.order(false), buyer.session().accessToken(), Map.of());

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(held(sku)).isEqualTo(1);
        assertThat(place(buyer, "another-key", buyer.order(false)).status()).isEqualTo(409);
    }

    @Test
    void aRetryAfterItsQuoteExpiredAnswersTheOrderItPlacedAndAnotherBodyIsStill422() {
        var sku = catalogue.product("bags", "Рюкзак", 10_000, 5);
        var buyer = buyer(sku, 1);
        var first = place(buyer, "late-retry", buyer.order(false));
        jdbc.sql("UPDATE quotes SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid")
                .param(buyer.quote().path("quoteId").asString())
                .update();

        var again = place(buyer, "late-retry", buyer.order(false));
        Map<String, Object> other = new HashMap<>(buyer.order(false));
        other.put("paymentMethod", "CRYPTO");
        var otherBody = place(buyer, "late-retry", other);
        var newKey = place(buyer, "late-new-key", buyer.order(false));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(newKey.status()).isEqualTo(409);
        assertThat(newKey.json().path("type").asString()).endsWith("quote-expired");
        assertThat(held(sku)).isEqualTo(1);
    }

    @Test
    void neverHoldsMoreUnitsThanTheStockWhenManyShoppersOrderAtOnce() throws Exception {
        var sku = catalogue.product("sneakers", "Лимитированные кроссовки", 50_000, 20);
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            buyers.add(buyer(sku, 1));
        }
        catalogue.stock(sku, 5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (Buyer buyer : buyers) {
                results.add(pool.submit(() -> {
                    start.await();
                    return place(buyer, "race", buyer.order(false)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        }
        assertThat(held(sku)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COALESCE(sum(quantity), 0) FROM order_lines WHERE sku_id = ?")
                        .param(sku.skuId())
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void theSameKeySentManyTimesAtOnceCreatesOneOrderAndHoldsItsUnitsOnce() throws Exception {
        var sku = catalogue.product("bags", "Сумка", 10_000, 5);
        var buyer = buyer(sku, 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return place(buyer, "double-click", buyer.order(false));
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> result : results) {
                responses.add(result.get());
            }
            assertThat(responses)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses.stream()
                            .map(r -> r.json().path("id").asString())
                            .distinct())
                    .hasSize(1);
        }
        assertThat(held(sku)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?")
                        .param(buyer.session().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anOrderRefusedForStockLeavesNoOrderHistoryOrEventAndTheCartAsItWas() {
        var sku = catalogue.product("bags", "Сумка", 10_000, 3);
        var buyer = buyer(sku, 2);
        catalogue.stock(sku, 1);

        var refused = place(buyer, "k", buyer.order(false));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(held(sku)).isZero();
        assertThat(jdbc.sql("""
                        SELECT (SELECT count(*) FROM orders WHERE user_id = :user)
                             + (SELECT count(*) FROM outbox_events e JOIN orders o ON e.aggregate_id = o.id::text
                                WHERE o.user_id = :user)""")
                        .param("user", buyer.session().id())
                        .query(Long.class)
                        .single())
                .isZero();
        var cart = api.get("/api/v1/cart", buyer.session().accessToken()).json();
        assertThat(cart.path("items")).hasSize(1);
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void anotherShoppersQuoteCannotBeOrdered() {
        var owner = buyer(catalogue.product("bags", "Сумка", 10_000, 5), 1);
        var stranger = buyer(catalogue.product("bags", "Сумка", 10_000, 5), 1);
        Map<String, Object> body = new HashMap<>(stranger.order(false));
        body.put("quoteId", owner.quote().path("quoteId").asString());

        var response = place(stranger, "k", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE quote_id = ?")
                        .param(UUID.fromString(owner.quote().path("quoteId").asString()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnpaidOrderPastItsReservationIsCancelledByTheJobAndItsStockReleased() {
        var sku = catalogue.product("bags", "Сумка", 10_000, 3);
        var buyer = buyer(sku, 3);
        String id = place(buyer, "k", buyer.order(false)).json().path("id").asString();
        assertThat(held(sku)).isEqualTo(3);

        clock.advance(Duration.ofMinutes(16));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("CANCELLED"));
        assertThat(held(sku)).isZero();
        assertThat(jdbc.sql("SELECT source FROM order_status_history WHERE order_id = ? AND to_status = 'CANCELLED'")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("SYSTEM");
    }

    @Test
    void theShopperCancelsBeforePurchaseAndTheStockIsReleased() {
        var sku = catalogue.product("bags", "Сумка", 10_000, 1);
        var buyer = buyer(sku, 1);
        String id = place(buyer, "k", buyer.order(false)).json().path("id").asString();

        var cancelled = api.post(
                "/api/v1/orders/" + id + "/cancel", null, buyer.session().accessToken());

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(held(sku)).isZero();
        assertThat(api.post(
                                "/api/v1/orders/" + id + "/cancel",
                                null,
                                buyer.session().accessToken())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anotherShoppersOrderIsNotFound() {
        var buyer = buyer(catalogue.product("bags", "Сумка", 10_000, 5), 1);
        String id = place(buyer, "k", buyer.order(false)).json().path("id").asString();
        var stranger = Shoppers.signUp(api);

        assertThat(api.get("/api/v1/orders/" + id, stranger.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", null, stranger.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(
                                "/api/v1/orders/" + UUID.randomUUID(),
                                buyer.session().accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(status(id)).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void staffMoveOrdersThroughLegalTransitionsOnlyAndEachMoveIsAudited() {
        var buyer = buyer(catalogue.product("bags", "Сумка", 10_000, 5), 1);
        JsonNode placed = place(buyer, "k", buyer.order(false)).json();
        String id = placed.path("id").asString();
        var admin = admin();

        var illegal =
                api.post("/api/v1/admin/orders/" + id + "/transitions", Map.of("to", "SHIPPED"), admin.accessToken());
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(status(id)).isEqualTo("AWAITING_PAYMENT");

        var paid = api.post(
                "/api/v1/admin/orders/" + id + "/transitions",
                Map.of("to", "PAID", "note", "paid by bank transfer"),
                admin.accessToken());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("statusHistory")).hasSize(2);
        assertThat(paid.json().path("statusHistory").get(1).path("source").asString())
                .isEqualTo("OPERATOR");
        assertThat(api.get("/api/v1/admin/audit-log?action=ORDER_TRANSITIONED&targetId=" + id, admin.accessToken())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        var list = api.get(
                        "/api/v1/admin/orders?status=PAID&q="
                                + placed.path("number").asLong(),
                        admin.accessToken())
                .json();
        assertThat(list.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(api.post(
                                "/api/v1/admin/orders/" + id + "/transitions",
                                Map.of("to", "PAID"),
                                buyer.session().accessToken())
                        .status())
                .isEqualTo(403);

        var cancelledAfterPayment = api.post(
                "/api/v1/orders/" + id + "/cancel", null, buyer.session().accessToken());
        assertThat(cancelledAfterPayment.json().path("status").asString()).isEqualTo("REFUND_PENDING");
    }

    /** The Belarus case of QuoteIT without insurance: 35,137.50 - 600.00 = 34,537.50, split saves 1,350.00. */
    @Test
    void anOrderPlacedSplitPaysTheSplitTotal() {
        var sku = catalogue.product("watches", "Часы", 120_000, 5);
        catalogue.weight(sku, 1_000, 200, 100, 100);
        var buyer = buyer(sku, 2);
        assertThat(buyer.quote()
                        .path("splitProposal")
                        .path("total")
                        .path("amount")
                        .asString())
                .isEqualTo("33187.50");

        var placed = place(buyer, "k", buyer.order(true));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().path("total").path("amount").asString()).isEqualTo("33187.50");
        assertThat(placed.json().path("split").asBoolean()).isTrue();
    }
}
