package dev.silkway.storefront.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Purchase, warehouse and hand-over through the real sandbox partner, and its callbacks checked. */
class FulfilmentIT extends FulfilmentIntegrationTest {

    private Fulfilments f;

    @BeforeEach
    void fixture() {
        f = new Fulfilments(api, port, jdbc, sandbox.url());
        f.callbacks(0, 0);
    }

    @AfterEach
    void quietCallbacks() {
        f.callbacks(0, 0);
    }

    @Test
    void aPaidOrderIsBoughtWarehousedAndShippedWithTwoTrackNumbersAndLegsDueForPollingWithoutAnyOperator()
            throws Exception {
        var sku = f.product("Рюкзак городской", 20_000);
        var order = f.paidOrder(sku);

        await().atMost(Duration.ofSeconds(60)).until(() -> f.status(order.id()).equals("SHIPPED"));

        assertThat(f.history(order.id()))
                .containsSubsequence(
                        "PAID/PAYMENT",
                        "PURCHASING/SYSTEM",
                        "PURCHASED/SYSTEM",
                        "AT_WAREHOUSE/SYSTEM",
                        "SHIPPED/SYSTEM")
                .noneMatch(h -> h.endsWith("/OPERATOR"));
        var legs = jdbc.sql("""
                        SELECT l.kind, l.carrier_code, l.track_number, l.next_poll_at <= now() AS due
                        FROM shipment_legs l JOIN shipments s ON s.id = l.shipment_id
                        WHERE s.order_id = ? ORDER BY l.leg_no""")
                .param(order.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        assertThat(legs).hasSize(2);
        assertThat(legs.get(0)).startsWith("INTERNATIONAL", "china-ems").endsWith("t");
        assertThat(legs.get(1).get(0)).isEqualTo("LAST_MILE");
        assertThat(legs.get(1).get(1)).isIn("cdek", "russian-post");
        assertThat(legs.get(1).get(3)).isEqualTo("t");
        assertThat(legs.get(0).get(2))
                .matches("E[A-Z]\\d{9}CN")
                .isNotEqualTo(legs.get(1).get(2));

        JsonNode view = api.get("/api/v1/orders/" + order.id(), order.shopper().accessToken())
                .json();
        JsonNode line = view.path("fulfilment").path("lines").get(0);
        assertThat(line.path("purchaseStatus").asString()).isEqualTo("ARRIVED");
        assertThat(line.path("marketplaceOrderId").asString()).startsWith("TAOBAO-");
        assertThat(line.path("qcPhotos")).hasSize(2);
        assertThat(jdbc.sql("SELECT purchase_status || '/' || marketplace_order_id FROM order_lines WHERE order_id = ?")
                        .param(order.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PURCHASED/" + line.path("marketplaceOrderId").asString());
        assertThat(view.path("fulfilment").path("parcel").path("status").asString())
                .isEqualTo("HANDED_OVER");
        assertThat(get(line.path("qcPhotos").get(0).asString())).isEqualTo(200);
    }

    @Test
    void forgedStaleAndReplayedCallbacksAreRefusedAndChangeNothing() {
        var purchase = acceptedPurchaseWithoutPartner();
        String eventId = "evt-" + UUID.randomUUID();
        String body = purchased(purchase.reference(), eventId, "MO-1");
        Instant now = Instant.now();

        assertThat(f.callback(body, now.getEpochSecond(), "0".repeat(64)).statusCode())
                .isEqualTo(401);
        assertThat(f.signedCallback(body, now.minusSeconds(400)).statusCode()).isEqualTo(400);
        assertThat(f.callback(body.replace("MO-1", "MO-X"), now.getEpochSecond(), sign(body, now))
                        .statusCode())
                .as("a body changed after signing")
                .isEqualTo(401);
        assertThat(marketplaceOrder(purchase.reference())).isNull();
        assertThat(f.status(purchase.orderId())).isEqualTo("PURCHASING");
        assertThat(jdbc.sql("SELECT count(*) FROM partner_callbacks WHERE event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single())
                .isZero();

        var accepted = f.callback(body, now.getEpochSecond(), sign(body, now));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(marketplaceOrder(purchase.reference())).isEqualTo("MO-1");
        assertThat(f.status(purchase.orderId())).isEqualTo("PURCHASED");

        var replayed = f.callback(body, now.getEpochSecond(), sign(body, now));
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("partner-callback-replayed");
        assertThat(jdbc.sql("SELECT count(*) FROM partner_callbacks WHERE event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(f.history(purchase.orderId())).containsOnlyOnce("PURCHASED/SYSTEM");
    }

    @Test
    void duplicateCallbacksAreAnsweredAndChangeNothingAndLateOnesMoveNothingBack() {
        var purchase = acceptedPurchaseWithoutPartner();
        String arrived = """
                {"eventId":"evt-a-%s","type":"ARRIVED_AT_WAREHOUSE","reference":"%s","data":{"purchaseId":"PP1",
                "weightGrams":900,"lengthCm":30,"widthCm":20,"heightCm":10,"qcPhotos":["https://qc.example/1.jpg"]}}""".formatted(UUID.randomUUID(), purchase.reference());

        assertThat(f.signedCallback(arrived, Instant.now()).statusCode()).isEqualTo(200);
        assertThat(f.status(purchase.orderId())).isEqualTo("AT_WAREHOUSE");
        var again = f.signedCallback(arrived, Instant.now().plusSeconds(1));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");

        String late = purchased(purchase.reference(), "evt-p-" + UUID.randomUUID(), "MO-LATE");
        assertThat(f.signedCallback(late, Instant.now()).statusCode()).isEqualTo(200);
        assertThat(marketplaceOrder(purchase.reference())).isEqualTo("MO-LATE");
        assertThat(purchaseStatus(purchase.reference())).isEqualTo("ARRIVED");
        assertThat(f.status(purchase.orderId())).isEqualTo("AT_WAREHOUSE");

        String handedOver = """
                {"eventId":"evt-h-%s","type":"HANDED_OVER","reference":"%s","data":{"parcelId":"PX1","method":"AIR",
                "line":{"carrier":"china-ems","trackNumber":"EA123456785CN"},
                "lastMile":{"carrier":"cdek","trackNumber":"%d"}}}""".formatted(
                        UUID.randomUUID(), purchase.orderId(), 1_000_000_000L + (System.nanoTime() % 999_999_999L));
        assertThat(f.signedCallback(handedOver, Instant.now()).statusCode()).isEqualTo(200);
        String consolidated = """
                {"eventId":"evt-c-%s","type":"CONSOLIDATED","reference":"%s","data":{"parcelId":"PX1",
                "purchases":["%s"],"weightGrams":950,"lengthCm":30,"widthCm":20,"heightCm":10}}""".formatted(UUID.randomUUID(), purchase.orderId(), purchase.reference());
        assertThat(f.signedCallback(consolidated, Instant.now()).statusCode()).isEqualTo(200);

        assertThat(f.status(purchase.orderId())).isEqualTo("SHIPPED");
        assertThat(jdbc.sql(
                                "SELECT status || '/' || chargeable_weight_grams FROM fulfilment_parcels WHERE order_id = ?")
                        .param(purchase.orderId())
                        .query(String.class)
                        .single())
                .as("max(950 g, 30×20×10/5 = 1200 g)")
                .isEqualTo("HANDED_OVER/1200");
        assertThat(jdbc.sql("SELECT chargeable_weight_grams FROM shipments WHERE order_id = ?")
                        .param(purchase.orderId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1200);
        assertThat(f.history(purchase.orderId())).containsOnlyOnce("AT_WAREHOUSE/SYSTEM", "SHIPPED/SYSTEM");
    }

    @Test
    void anOrderStillShipsOnceWhenThePartnerDuplicatesAndReordersEveryCallback() {
        f.callbacks(1, 1);
        var order = f.paidOrder(f.product("Кошелёк", 5_000), f.product("Ремень", 7_000));

        await().atMost(Duration.ofSeconds(90)).until(() -> f.status(order.id()).equals("SHIPPED"));

        assertThat(f.history(order.id())).containsOnlyOnce("PURCHASED/SYSTEM", "AT_WAREHOUSE/SYSTEM", "SHIPPED/SYSTEM");
        assertThat(jdbc.sql("SELECT count(*) FROM shipments WHERE order_id = ?")
                        .param(order.id())
                        .query(Long.class)
                        .single())
                .isOne();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM partner_callbacks p JOIN purchases u ON u.reference = p.reference"
                                                + " WHERE u.order_id = ? AND p.duplicate")
                                .param(order.id())
                                .query(Long.class)
                                .single()
                        >= 2);
    }

    /**
     * An order paid for real and taken into PURCHASING by the job, with one purchase the partner accepted but knows
     * nothing of (written before the payment, so the job has no purchase of its own to send): only our callbacks move it.
     */
    private Purchases.Purchase acceptedPurchaseWithoutPartner() {
        var order = f.placed(f.product("Сумка тестовая", 10_000));
        String reference = "T-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO purchases (order_id, order_line_id, reference, sku_id, marketplace_code,
                                               external_product_id, external_sku_id, quantity, max_price_fen, status,
                                               partner_purchase_id)
                        SELECT order_id, id, ?, sku_id, marketplace_code, external_product_id, external_sku_id,
                               quantity, source_unit_price_minor, 'ACCEPTED', 'PP1'
                        FROM order_lines WHERE order_id = ?""").params(reference, order.id()).update();
        f.pay(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> f.status(order.id()).equals("PURCHASING"));
        return new Purchases(jdbc).byReference(reference).orElseThrow();
    }

    private static String purchased(String reference, String eventId, String marketplaceOrder) {
        return """
                {"eventId":"%s","type":"PURCHASED","reference":"%s","occurredAt":"2026-12-07T05:00:00Z",
                "data":{"purchaseId":"PP1","marketplaceOrderId":"%s","paidPriceCny":"100.00"}}""".formatted(eventId, reference, marketplaceOrder);
    }

    private static String sign(String body, Instant at) {
        return PartnerSignature.sign(
                Fulfilments.SECRET, at.getEpochSecond(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String marketplaceOrder(String reference) {
        return jdbc.sql("SELECT marketplace_order_id FROM purchases WHERE reference = ?")
                .param(reference)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String purchaseStatus(String reference) {
        return jdbc.sql("SELECT status FROM purchases WHERE reference = ?")
                .param(reference)
                .query(String.class)
                .single();
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
