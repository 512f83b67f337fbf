package dev.silkway.storefront.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.CheckoutApi;
import dev.silkway.storefront.CheckoutBuyers;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.StorefrontIntegrationTest;
import dev.silkway.storefront.order.OrderSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Paying for orders by card through the sandbox's YooKassa, its notifications, and what goes wrong. */
class PaymentIT extends StorefrontIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebhookProcessing processing;

    private CheckoutCatalogue catalogue;
    private CheckoutBuyers buyers;
    private YooKassaSandboxControls yookassa;

    @BeforeEach
    void setUp() {
        catalogue = new CheckoutCatalogue(jdbc);
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
        buyers = new CheckoutBuyers(api, new CheckoutApi(port));
        yookassa = new YooKassaSandboxControls(port);
        yookassa.wellBehaved();
    }

    @AfterEach
    void calmSandbox() {
        yookassa.wellBehaved();
    }

    record Placed(CheckoutBuyers.Buyer buyer, String orderId, JsonNode order) {

        String token() {
            return buyer.session().accessToken();
        }
    }

    private Placed placed(int quantity) {
        var sku = catalogue.product("bags", "Сумка", 10_000, 10);
        var buyer = buyers.buyer(sku, quantity);
        var answer = buyers.place(buyer, "order-1", buyer.order(false));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return new Placed(buyer, answer.json().path("id").asString(), answer.json());
    }

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?")
                .param(UUID.fromString(orderId))
                .query(String.class)
                .single();
    }

    private String providerId(String orderId) {
        return jdbc.sql("SELECT provider_payment_id FROM payments WHERE order_id = ? ORDER BY attempt DESC LIMIT 1")
                .param(UUID.fromString(orderId))
                .query(String.class)
                .single();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private JsonNode order(Placed placed) {
        return api.get("/api/v1/orders/" + placed.orderId(), placed.token()).json();
    }

    private void pay(Placed placed) {
        assertThat(yookassa.act(providerId(placed.orderId()), "pay")).isEqualTo(200);
        await().atMost(WAIT).until(() -> status(placed.orderId()).equals("PAID"));
    }

    @Test
    void aCardOrderIsPaidOnTheSandboxPageAndBecomesPaidWithItsHistory() {
        Placed placed = placed(2);
        JsonNode payment = placed.order().path("payment");
        assertThat(payment.path("provider").asString()).isEqualTo("YOOKASSA");
        assertThat(payment.path("confirmationUrl").asString()).contains("/yookassa/checkout/");
        assertThat(payment.path("expiresAt").asString()).isNotBlank();

        pay(placed);

        JsonNode order = order(placed);
        assertThat(order.path("status").asString()).isEqualTo("PAID");
        assertThat(order.has("payment")).isFalse();
        assertThat(order.path("payments")).hasSize(1);
        assertThat(order.path("payments").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(order.path("payments").get(0).path("paid")).isEqualTo(order.path("total"));
        JsonNode last =
                order.path("statusHistory").get(order.path("statusHistory").size() - 1);
        assertThat(last.path("from").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(last.path("to").asString()).isEqualTo("PAID");
        assertThat(last.path("source").asString()).isEqualTo("PAYMENT");
        assertThat(count(
                        "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? AND event_type = 'OrderPaid'",
                        placed.orderId()))
                .isEqualTo(1);
    }

    @Test
    void aNotificationDeliveredTwiceAnswers200AndChangesNothing() {
        Placed placed = placed(1);
        pay(placed);
        String id = providerId(placed.orderId());
        long events = count("SELECT count(*) FROM payment_webhook_events WHERE provider_payment_id = ?", id);

        var again = yookassa.notify(
                YooKassaSandboxControls.notification("payment.succeeded", id, "succeeded"), "127.0.0.1");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(count("SELECT count(*) FROM payment_webhook_events WHERE provider_payment_id = ?", id))
                .isEqualTo(events);
        assertThat(count(
                        "SELECT count(*) FROM order_status_history WHERE order_id = ? AND to_status = 'PAID'",
                        UUID.fromString(placed.orderId())))
                .isEqualTo(1);
    }

    @Test
    void aNotificationFromAnAddressOutsideYooKassasNetworksIsRefusedAndChangesNothing() {
        Placed placed = placed(1);
        String id = providerId(placed.orderId());

        var forged = yookassa.notify(
                YooKassaSandboxControls.notification("payment.succeeded", id, "succeeded"), "127.0.0.2");
        var unknown = yookassa.notify(
                YooKassaSandboxControls.notification(
                        "payment.succeeded", "2f0c0b5e-000f-5000-9000-1d5b2a8f7c11", "succeeded"),
                "127.0.0.1");

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(forged.body()).contains("webhook-rejected");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(status(placed.orderId())).isEqualTo("AWAITING_PAYMENT");
        assertThat(count("SELECT count(*) FROM payment_webhook_events WHERE provider_payment_id = ?", id))
                .isZero();
    }

    @Test
    void anEventOlderThanWhatIsKnownNeverMovesThePaymentOrTheOrderBack() throws Exception {
        Placed placed = placed(1);
        pay(placed);
        String id = providerId(placed.orderId());
        long amount = count("SELECT amount_minor FROM payments WHERE provider_payment_id = ?", id);

        boolean processed = processing.process(
                event("payment.waiting_for_capture:" + id, id, ProviderPayment.Status.PENDING, amount),
                InetAddress.getLoopbackAddress());

        assertThat(processed).isTrue();
        assertThat(status(placed.orderId())).isEqualTo("PAID");
        assertThat(jdbc.sql("SELECT status FROM payments WHERE provider_payment_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void moneyReportedAfterTheAttemptWasReportedExpiredStillPaysTheOrder() throws Exception {
        Placed placed = placed(1);
        String id = providerId(placed.orderId());
        long amount = count("SELECT amount_minor FROM payments WHERE provider_payment_id = ?", id);
        var loopback = InetAddress.getLoopbackAddress();

        processing.process(event("expired:" + id, id, ProviderPayment.Status.EXPIRED, amount), loopback);
        processing.process(event("finished:" + id, id, ProviderPayment.Status.SUCCEEDED, amount), loopback);
        processing.process(event("expired-again:" + id, id, ProviderPayment.Status.EXPIRED, amount), loopback);

        assertThat(status(placed.orderId())).isEqualTo("PAID");
        assertThat(jdbc.sql("SELECT status FROM payments WHERE provider_payment_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void anAmountOtherThanTheAttemptsIsFlaggedForOperatorsAndNeverPays() throws Exception {
        Placed placed = placed(1);
        String id = providerId(placed.orderId());
        long amount = count("SELECT amount_minor FROM payments WHERE provider_payment_id = ?", id);

        processing.process(
                event("payment.succeeded:" + id + ":tampered", id, ProviderPayment.Status.SUCCEEDED, amount - 1),
                InetAddress.getLoopbackAddress());

        assertThat(status(placed.orderId())).isEqualTo("AWAITING_PAYMENT");
        var mismatches = api.get("/api/v1/admin/payments/mismatches", admin().accessToken());
        assertThat(mismatches.status()).as(mismatches.toString()).isEqualTo(200);
        List<String> flagged = new ArrayList<>();
        mismatches.json().path("flaggedEvents").forEach(e -> {
            if (id.equals(e.path("providerPaymentId").asString(""))) {
                flagged.add(e.path("flag").asString());
            }
        });
        assertThat(flagged).containsExactly("AMOUNT_MISMATCH");
    }

    @Test
    void anOrderSubmittedTwiceAndPaidFromManyTabsHasOnePayment() throws Exception {
        var sku = catalogue.product("bags", "Сумка", 10_000, 10);
        var buyer = buyers.buyer(sku, 1);
        var first = buyers.place(buyer, "twice", buyer.order(false));
        var second = buyers.place(buyer, "twice", buyer.order(false));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        String orderId = first.json().path("id").asString();
        assertThat(second.json().path("id").asString()).isEqualTo(orderId);

        List<Future<Api.Response>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> api.post(
                        "/api/v1/orders/" + orderId + "/pay",
                        null,
                        buyer.session().accessToken())));
            }
        }
        for (Future<Api.Response> call : calls) {
            Api.Response answer = call.get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("payment")).isEqualTo(first.json().path("payment"));
        }
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", UUID.fromString(orderId)))
                .isEqualTo(1);
    }

    @Test
    void theProviderDownWhileOrderingIsA503AndTheOrderIsPaidOnTheNextTryWithTheSameAttempt() {
        var sku = catalogue.product("bags", "Сумка", 10_000, 10);
        var buyer = buyers.buyer(sku, 1);
        yookassa.settings(1, 0);

        var down = buyers.place(buyer, "down", buyer.order(false));

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.contentType()).contains("application/problem+json");
        assertThat(down.json().path("type").asString()).endsWith("payment-provider-unavailable");
        UUID orderId = jdbc.sql("SELECT id FROM orders WHERE user_id = ?")
                .param(buyer.session().id())
                .query(UUID.class)
                .single();
        assertThat(status(orderId.toString())).isEqualTo("AWAITING_PAYMENT");
        assertThat(jdbc.sql("SELECT status FROM payments WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("CREATED");

        yookassa.wellBehaved();
        var again = api.post(
                "/api/v1/orders/" + orderId + "/pay", null, buyer.session().accessToken());

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("payment").path("confirmationUrl").asString())
                .contains("/yookassa/checkout/");
        assertThat(jdbc.sql("SELECT attempt || ':' || status FROM payments WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("1:PENDING");
    }

    @Test
    void aDeclinedPaymentIsFollowedByASecondAttemptThatPays() {
        Placed placed = placed(1);
        assertThat(yookassa.act(providerId(placed.orderId()), "decline")).isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT status FROM payments WHERE order_id = ? AND attempt = 1")
                        .param(UUID.fromString(placed.orderId()))
                        .query(String.class)
                        .single()
                        .equals("CANCELLED"));

        var second = api.post("/api/v1/orders/" + placed.orderId() + "/pay", null, placed.token());
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("payment").path("confirmationUrl").asString())
                .isNotEqualTo(
                        placed.order().path("payment").path("confirmationUrl").asString());
        pay(placed);

        JsonNode order = order(placed);
        assertThat(order.path("payments")).hasSize(2);
        assertThat(order.path("payments").get(0).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("payments").get(1).path("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aPaymentThatSucceedsAfterItsOrderExpiredIsRefundedAndTheOrderStaysCancelled() {
        Placed placed = placed(1);
        String id = providerId(placed.orderId());
        clock.advance(Duration.ofMinutes(16));
        await().atMost(WAIT).until(() -> status(placed.orderId()).equals("CANCELLED"));

        assertThat(yookassa.act(id, "pay")).isEqualTo(200);

        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT r.status FROM refunds r JOIN payments p ON p.id = r.payment_id"
                                + " WHERE p.provider_payment_id = ?")
                        .param(id)
                        .query(String.class)
                        .list()
                        .equals(List.of("SUCCEEDED")));
        assertThat(status(placed.orderId())).isEqualTo("CANCELLED");
        assertThat(jdbc.sql(
                                "SELECT status || ':' || refunded_minor::text || ':' || (refunded_minor = amount_minor)::text"
                                        + " FROM payments WHERE provider_payment_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .startsWith("SUCCEEDED:")
                .endsWith(":true");
        assertThat(jdbc.sql(
                                "SELECT flag FROM payment_webhook_events WHERE provider_payment_id = ? AND flag IS NOT NULL")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("PAID_TOO_LATE");
    }

    @Test
    void refundsAreNeverSentTwiceAndAnOrderCancelledAfterPaymentEndsRefunded() {
        Placed placed = placed(2);
        pay(placed);
        long lineId = order(placed).path("lines").get(0).path("id").asLong();

        java.util.function.Supplier<List<Refunds.RefundStarted>> soldOut = () ->
                refunds.refundLine(UUID.fromString(placed.orderId()), lineId, 2, "sold out", OrderSource.SYSTEM, null);
        var line = soldOut.get();
        var again = soldOut.get();

        assertThat(line).hasSize(1);
        assertThat(line.get(0).amountMinor()).isEqualTo(2 * 125_000L);
        assertThat(again).isEmpty();
        await().atMost(WAIT).until(() -> refundStatuses(placed).equals(List.of("SUCCEEDED")));
        assertThat(status(placed.orderId())).isEqualTo("PAID");

        var cancelled = api.post("/api/v1/orders/" + placed.orderId() + "/cancel", null, placed.token());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        await().atMost(WAIT).until(() -> status(placed.orderId()).equals("REFUNDED"));
        assertThat(refundStatuses(placed)).containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(jdbc.sql("SELECT refunded_minor = amount_minor FROM payments WHERE order_id = ?")
                        .param(UUID.fromString(placed.orderId()))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(refunds.refundOrder(UUID.fromString(placed.orderId()), "again", OrderSource.SYSTEM, null))
                .isEmpty();
        JsonNode order = order(placed);
        assertThat(order.path("refunds")).hasSize(2);
        assertThat(order.path("refunds").get(0).path("lineId").asLong()).isEqualTo(lineId);
    }

    @Autowired
    Refunds refunds;

    @Test
    void reconciliationListsAPaymentTheProviderHasAndWeDoNot() {
        Placed placed = placed(1);
        pay(placed);
        String foreign = yookassa.foreignPayment();
        String ours = providerId(placed.orderId());
        String token = admin().accessToken();

        var run = api.post("/api/v1/admin/payments/reconciliations", null, token);

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().path("unreachable")).isEmpty();
        List<String> found = new ArrayList<>();
        api.get("/api/v1/admin/payments/mismatches", token)
                .json()
                .path("mismatches")
                .forEach(m -> found.add(m.path("providerPaymentId").asString("") + ":"
                        + m.path("kind").asString()));
        assertThat(found).contains(foreign + ":MISSING_HERE");
        assertThat(found).noneMatch(f -> f.startsWith(ours + ":"));
    }

    private List<String> refundStatuses(Placed placed) {
        return jdbc.sql("SELECT r.status FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = ?"
                        + " ORDER BY r.created_at, r.id")
                .param(UUID.fromString(placed.orderId()))
                .query(String.class)
                .list();
    }

    private static WebhookEvent event(String dedup, String id, ProviderPayment.Status status, long amount) {
        ProviderPayment payment = new ProviderPayment(
                PaymentProvider.YOOKASSA,
                id,
                status,
                status.name().toLowerCase(),
                amount,
                "RUB",
                status == ProviderPayment.Status.SUCCEEDED ? amount : 0,
                null,
                null,
                null,
                Map.of());
        return new WebhookEvent(PaymentProvider.YOOKASSA, dedup, "payment.test", payment, null, "{\"test\":true}");
    }
}
