package dev.silkway.storefront.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A line sold out after payment: a substitute offered and bought, or the line refunded through the sandbox's YooKassa
 * (the order going on, or, with no line left, refunded in full).
 */
class SubstitutionsIT extends FulfilmentIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Fulfilments f;

    @BeforeEach
    void fixture() {
        f = new Fulfilments(api, port, jdbc, sandbox.url());
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void aSoldOutLineIsOfferedACheaperSkuOfTheSameProductWhichOnceAcceptedIsBoughtAndShipped() {
        var wanted = f.product("Кроссовки беговые", 30_000);
        var cheaper = f.otherSku(wanted, 28_000, 5);
        f.otherSku(f.product("Другой товар", 10_000), 10_000, 5);
        f.pin(wanted, true, null, null, null, null);
        var order = f.paidOrder(wanted);

        JsonNode offer = awaitOffer(order);
        assertThat(offer.path("sku").path("skuId").asString()).isEqualTo(Long.toString(cheaper.skuId()));
        assertThat(offer.path("sku").path("unitPriceCny").path("amount").asString())
                .isEqualTo("280.00");
        JsonNode view = api.get("/api/v1/orders/" + order.id(), order.shopper().accessToken())
                .json();
        assertThat(view.path("status").asString()).isEqualTo("PURCHASING");
        assertThat(view.path("fulfilment")
                        .path("lines")
                        .get(0)
                        .path("purchaseStatus")
                        .asString())
                .isEqualTo("AWAITING_SHOPPER");
        assertThat(view.path("fulfilment").path("pendingSubstitutions")).hasSize(1);

        var accepted = answer(order, offer, "accept");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(answer(order, offer, "decline").status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() -> f.status(order.id()).equals("SHIPPED"));
        assertThat(jdbc.sql("SELECT sku_id FROM purchases WHERE order_id = ? AND status <> 'REFUSED'")
                        .param(order.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(cheaper.skuId());
        JsonNode line = api.get("/api/v1/orders/" + order.id(), order.shopper().accessToken())
                .json()
                .path("fulfilment")
                .path("lines")
                .get(0);
        assertThat(line.path("substitute").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT purchase_status FROM order_lines WHERE order_id = ?")
                        .param(order.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PURCHASED_BACKUP");
        assertThat(line.path("purchaseStatus").asString()).isEqualTo("ARRIVED");
        assertThat(f.refunds(order.id())).isEmpty();
    }

    @Test
    void aDeclinedSubstituteRefundsItsLineAndTheOrderShipsTheOtherLines() {
        var soldOut = f.product("Куртка зимняя", 50_000);
        f.otherSku(soldOut, 45_000, 3);
        f.pin(soldOut, true, null, null, null, null);
        var order = f.paidOrder(soldOut, f.product("Шапка", 8_000));

        JsonNode offer = awaitOffer(order);
        var declined = answer(order, offer, "decline");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().path("status").asString()).isEqualTo("DECLINED");

        long line = offer.path("lineId").asLong();
        await().atMost(WAIT)
                .until(() -> !f.refunds(order.id()).isEmpty()
                        && f.refunds(order.id()).getFirst().status().equals("SUCCEEDED"));
        assertThat(f.refunds(order.id())).singleElement().satisfies(r -> {
            assertThat(r.amountMinor()).isEqualTo(f.lineAmount(line));
            assertThat(r.lineId()).isEqualTo(line);
            assertThat(r.quantity()).isOne();
            assertThat(r.reason()).contains("declined");
            assertThat(r.source()).isEqualTo("SYSTEM");
        });
        assertShownRefund(order, line, f.lineAmount(line));
        await().atMost(Duration.ofSeconds(60)).until(() -> f.status(order.id()).equals("SHIPPED"));
        assertThat(jdbc.sql("SELECT purchase_status FROM order_lines WHERE id = ?")
                        .param(line)
                        .query(String.class)
                        .single())
                .isEqualTo("UNAVAILABLE");
        JsonNode lines = api.get("/api/v1/orders/" + order.id(), order.shopper().accessToken())
                .json()
                .path("fulfilment")
                .path("lines");
        assertThat(lines.get(0).path("purchaseStatus").asString()).isEqualTo("REFUNDED");
        assertThat(lines.get(1).path("purchaseStatus").asString()).isEqualTo("ARRIVED");
        assertThat(f.refunds(order.id())).hasSize(1);
    }

    @Test
    void aSoldOutLineWithoutAnySubstituteIsRefundedAtOnceAndAnOrderLeftWithNothingEndsRefundedInFull() {
        var only = f.product("Часы редкие", 90_000);
        f.pin(only, true, null, null, null, null);
        var order = f.paidOrder(only);

        await().atMost(WAIT).until(() -> f.status(order.id()).equals("REFUNDED"));

        assertThat(f.history(order.id()))
                .containsSubsequence("PAID/PAYMENT", "PURCHASING/SYSTEM", "REFUND_PENDING/SYSTEM", "REFUNDED/PAYMENT");
        long line = lineOf(order);
        List<Fulfilments.Refund> refunds = f.refunds(order.id());
        assertThat(refunds).allMatch(r -> r.status().equals("SUCCEEDED"));
        assertThat(refunds.getFirst()).satisfies(r -> {
            assertThat(r.lineId()).isEqualTo(line);
            assertThat(r.amountMinor()).isEqualTo(f.lineAmount(line));
            assertThat(r.reason()).contains("no substitute");
        });
        assertThat(refunds.stream().mapToLong(Fulfilments.Refund::amountMinor).sum())
                .as("the line, then what is left (the delivery)")
                .isEqualTo(f.paid(order.id()));
        assertShownRefund(order, line, f.lineAmount(line));
        assertThat(api.get(
                                "/api/v1/orders/" + order.id() + "/substitutions",
                                order.shopper().accessToken())
                        .json()
                        .path("items")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("NONE");
    }

    @Test
    void anOfferUnansweredFor24HoursExpiresAndItsLineIsRefundedAndTheOrderLeftWithNothingEndsRefunded() {
        var soldOut = f.product("Очки солнцезащитные", 12_000);
        f.otherSku(soldOut, 11_000, 2);
        f.pin(soldOut, true, null, null, null, null);
        var order = f.paidOrder(soldOut);
        JsonNode offer = awaitOffer(order);

        clock.advance(Duration.ofHours(25));

        await().atMost(WAIT).until(() -> f.status(order.id()).equals("REFUNDED"));
        long line = offer.path("lineId").asLong();
        assertThat(f.refunds(order.id()).getFirst()).satisfies(r -> {
            assertThat(r.status()).isEqualTo("SUCCEEDED");
            assertThat(r.lineId()).isEqualTo(line);
            assertThat(r.amountMinor()).isEqualTo(f.lineAmount(line));
            assertThat(r.reason()).contains("not answered");
        });
        assertThat(f.history(order.id())).containsSubsequence("REFUND_PENDING/SYSTEM", "REFUNDED/PAYMENT");
        assertThat(answer(order, offer, "accept").status()).isEqualTo(409);
    }

    @Test
    void anotherShoppersOrderHasNoSubstitutions() {
        var order = f.placed(f.product("Шарф", 3_000));
        var stranger = dev.silkway.storefront.Shoppers.signUp(api);

        assertThat(api.get("/api/v1/orders/" + order.id() + "/substitutions", stranger.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/orders/" + order.id() + "/substitutions/" + UUID.randomUUID() + "/accept",
                                null,
                                order.shopper().accessToken())
                        .status())
                .isEqualTo(404);
    }

    /** The order's view lists the line's refund, SUCCEEDED, for {@code amountMinor}. */
    private void assertShownRefund(Fulfilments.Order order, long line, long amountMinor) {
        JsonNode refunds = api.get(
                        "/api/v1/orders/" + order.id(), order.shopper().accessToken())
                .json()
                .path("refunds");
        assertThat(refunds.size()).isPositive();
        JsonNode first = refunds.get(0);
        assertThat(first.path("lineId").asLong()).isEqualTo(line);
        assertThat(first.path("quantity").asInt()).isOne();
        assertThat(first.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(new BigDecimal(first.path("amount").path("amount").asString())
                        .movePointRight(2)
                        .longValueExact())
                .isEqualTo(amountMinor);
    }

    private long lineOf(Fulfilments.Order order) {
        return jdbc.sql("SELECT id FROM order_lines WHERE order_id = ?")
                .param(order.id())
                .query(Long.class)
                .single();
    }

    private JsonNode awaitOffer(Fulfilments.Order order) {
        await().atMost(WAIT)
                .until(() -> api.get(
                                        "/api/v1/orders/" + order.id() + "/substitutions",
                                        order.shopper().accessToken())
                                .json()
                                .path("items")
                                .size()
                        > 0);
        JsonNode offer = api.get(
                        "/api/v1/orders/" + order.id() + "/substitutions",
                        order.shopper().accessToken())
                .json()
                .path("items")
                .get(0);
        assertThat(offer.path("status").asString()).isEqualTo("OFFERED");
        return offer;
    }

    private dev.silkway.storefront.Api.Response answer(Fulfilments.Order order, JsonNode offer, String verb) {
        return api.post(
                "/api/v1/orders/" + order.id() + "/substitutions/"
                        + offer.path("id").asString() + "/" + verb,
                Map.of(),
                order.shopper().accessToken());
    }
}
