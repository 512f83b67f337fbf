package dev.silkway.storefront.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.CheckoutApi;
import dev.silkway.storefront.CheckoutBuyers;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Orders paid through the sandbox's Stripe and NOWPayments end to end: the order's payment page is the simulator's,
 * the shopper acts there, and the simulator's signed webhook, caught by a test endpoint and relayed to ours as it
 * came (headers and exact body), moves the order. Card orders in roubles go to Stripe here.
 */
class ProviderPaymentsIT extends StorefrontIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String stripeSecret;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("silkway.payments.routing.card-by-currency.RUB", () -> "STRIPE");
        registry.add("silkway.payments.nowpayments.ipn-callback-url", RECEIVER::url);
        registry.add("silkway.payments.stripe.webhook-secret", ProviderPaymentsIT::stripeEndpointSecret);
    }

    private static synchronized String stripeEndpointSecret() {
        if (stripeSecret == null) {
            stripeSecret = SandboxPayments.postForm(
                            "/stripe/v1/webhook_endpoints",
                            "Authorization",
                            "Bearer sk_test_sandbox_silkway",
                            "url=" + RECEIVER.url())
                    .path("secret")
                    .asString();
        }
        return stripeSecret;
    }

    @AfterAll
    static void stopReceiving() {
        RECEIVER.close();
    }

    private CheckoutCatalogue catalogue;
    private CheckoutBuyers buyers;

    @BeforeEach
    void setUp() {
        catalogue = new CheckoutCatalogue(jdbc);
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
        buyers = new CheckoutBuyers(api, new CheckoutApi(port));
    }

    @Test
    void aCryptoOrderPaidPartlyIsPartiallyPaidAndPaidOnceTheRestArrives() {
        JsonNode order = place("CRYPTO");
        JsonNode payment = order.path("payment");
        assertThat(payment.path("provider").asString()).isEqualTo("NOWPAYMENTS");
        assertThat(payment.path("confirmationUrl").asString()).contains("/nowpayments/payment/?iid=");
        String invoice = providerId(order);

        SandboxPayments.post("/nowpayments/sandbox/invoices/" + invoice + "/partial");
        relay("nowpayments", "\"payment_status\":\"partially_paid\"", "\"invoice_id\":" + invoice);
        await().atMost(WAIT).until(() -> status(order).equals("PARTIALLY_PAID"));

        SandboxPayments.post("/nowpayments/sandbox/invoices/" + invoice + "/pay");
        relay("nowpayments", "\"payment_status\":\"finished\"", "\"invoice_id\":" + invoice);
        await().atMost(WAIT).until(() -> status(order).equals("PAID"));
    }

    @Test
    void aCardOrderPaidOnStripesPageIsPaidAndAForgedEventChangesNothing() {
        JsonNode order = place("CARD");
        assertThat(order.path("payment").path("provider").asString()).isEqualTo("STRIPE");
        assertThat(order.path("payment").path("confirmationUrl").asString()).contains("/stripe/checkout/pay/cs_test_");
        String intent = providerId(order);
        String page = order.path("payment").path("confirmationUrl").asString();
        assertThat(SandboxPayments.page(page)).contains("Pay", "Decline");
        String session = page.substring(page.lastIndexOf('/') + 1);

        SandboxPayments.post("/stripe/sandbox/checkout/" + session + "/pay");
        WebhookDelivery delivery = RECEIVER.awaitDelivery(
                WebhookReceiver.bodyContains("payment_intent.succeeded").and(WebhookReceiver.bodyContains(intent)));
        assertThat(post("stripe", Map.of("Stripe-Signature", "t=1,v1=" + "0".repeat(64)), delivery.body()))
                .isIn(400, 401);
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");
        assertThat(post("stripe", headers(delivery), delivery.body())).isEqualTo(200);
        await().atMost(WAIT).until(() -> status(order).equals("PAID"));
    }

    private JsonNode place(String method) {
        var sku = catalogue.product("bags", "Сумка", 10_000, 10);
        var buyer = buyers.buyer(sku, 1);
        var answer = buyers.place(buyer, "order-" + UUID.randomUUID(), buyer.order(false, method));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    /** Waits for the simulator's webhook with both texts and posts it to our endpoint as it came. */
    private void relay(String provider, String text, String about) {
        WebhookDelivery delivery =
                RECEIVER.awaitDelivery(WebhookReceiver.bodyContains(text).and(WebhookReceiver.bodyContains(about)));
        assertThat(post(provider, headers(delivery), delivery.body())).isEqualTo(200);
    }

    private static Map<String, String> headers(WebhookDelivery delivery) {
        Set<String> signed = Set.of("stripe-signature", "x-nowpayments-sig");
        return delivery.headers().entrySet().stream()
                .filter(e -> signed.contains(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().getFirst()));
    }

    private int post(String provider, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/payments/webhooks/" + provider))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String status(JsonNode order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?")
                .param(UUID.fromString(order.path("id").asString()))
                .query(String.class)
                .single();
    }

    private String providerId(JsonNode order) {
        List<String> ids = jdbc.sql(
                        "SELECT provider_payment_id FROM payments WHERE order_id = ? ORDER BY attempt DESC LIMIT 1")
                .param(UUID.fromString(order.path("id").asString()))
                .query(String.class)
                .list();
        return ids.getFirst();
    }
}
