package dev.silkway.storefront.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.order.OrderLifecycle;
import dev.silkway.storefront.order.OrderSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A line sold out after payment: a substitute offered and bought, or the line refunded, the order going on. */
class SubstitutionsIT extends FulfilmentIntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    RecordingRefunds refunds;

    private Fulfilments f;

    @BeforeEach
    void fixture() {
        f = new Fulfilments(api, port, jdbc, lifecycle, sandbox.url());
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
        assertThat(refunds.lines).noneMatch(r -> r.orderId().equals(order.id()));
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
        await().atMost(Duration.ofSeconds(30))
                .until(() -> refunds.lines.stream().anyMatch(r -> r.orderLineId() == line));
        var refund = refunds.lines.stream().filter(r -> r.orderLineId() == line).toList();
        assertThat(refund).singleElement().satisfies(r -> {
            assertThat(r.orderId()).isEqualTo(order.id());
            assertThat(r.quantity()).isOne();
            assertThat(r.reason()).contains("declined");
            assertThat(r.source()).isEqualTo(OrderSource.SYSTEM);
        });
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
    }

    @Test
    void aSoldOutLineWithoutAnySubstituteIsRefundedAtOnceAndAnOrderLeftWithNothingAwaitsItsRefund() {
        var only = f.product("Часы редкие", 90_000);
        f.pin(only, true, null, null, null, null);
        var order = f.paidOrder(only);

        await().atMost(Duration.ofSeconds(30)).until(() -> f.status(order.id()).equals("REFUND_PENDING"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> refunds.lines.stream().anyMatch(r -> r.orderId().equals(order.id())));
        assertThat(refunds.lines.stream().filter(r -> r.orderId().equals(order.id())))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("no substitute"));
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
    void anOfferUnansweredFor24HoursExpiresAndItsLineIsRefunded() {
        var soldOut = f.product("Очки солнцезащитные", 12_000);
        f.otherSku(soldOut, 11_000, 2);
        f.pin(soldOut, true, null, null, null, null);
        var order = f.paidOrder(soldOut);
        JsonNode offer = awaitOffer(order);

        clock.advance(Duration.ofHours(25));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> refunds.lines.stream().anyMatch(r -> r.orderId().equals(order.id())));
        assertThat(refunds.lines.stream().filter(r -> r.orderId().equals(order.id())))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("not answered"));
        assertThat(answer(order, offer, "accept").status()).isEqualTo(409);
        assertThat(f.status(order.id())).isEqualTo("REFUND_PENDING");
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

    private JsonNode awaitOffer(Fulfilments.Order order) {
        await().atMost(Duration.ofSeconds(30))
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
