package dev.silkway.storefront.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.CheckoutApi;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.payment.YooKassaSandboxControls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Object mother for fulfilment: catalogue products (with extra SKUs), shoppers' orders placed through the API and
 * paid on the shared sandbox's YooKassa (its notification makes them PAID), their refunds as recorded, the sandbox
 * partner's test switches, and callbacks signed as the partner signs them.
 */
final class Fulfilments {

    static final String KEY = "sandbox-partner-key";
    static final String SECRET = "sandbox-partner-secret";
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Api api;
    private final CheckoutApi checkout;
    private final CheckoutCatalogue catalogue;
    private final JdbcClient jdbc;
    private final YooKassaSandboxControls yookassa;
    private final String sandbox;
    private final int port;

    /** Also points the shared sandbox's YooKassa notifications at this storefront ({@code port}). */
    Fulfilments(Api api, int port, JdbcClient jdbc, String sandbox) {
        this.api = api;
        this.checkout = new CheckoutApi(port);
        this.catalogue = new CheckoutCatalogue(jdbc);
        this.jdbc = jdbc;
        this.yookassa = new YooKassaSandboxControls(port);
        this.sandbox = sandbox;
        this.port = port;
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
        yookassa.wellBehaved();
    }

    /** A product with one SKU (its external id {@code sku-<productId>}), 10 in stock, 800 g in a 30×20×10 cm box. */
    CheckoutCatalogue.Sku product(String title, long priceFen) {
        var sku = catalogue.product("bags", title, priceFen, 10);
        catalogue.weight(sku, 800, 300, 200, 100);
        return sku;
    }

    /** Another SKU of the same product: external id {@code alt-<skuId>}, its price and stock. */
    CheckoutCatalogue.Sku otherSku(CheckoutCatalogue.Sku of, long priceFen, int stock) {
        long sku = jdbc.sql("""
                        INSERT INTO skus (product_id, external_id, attributes)
                        VALUES (?, ?, '{"colour":"red"}'::jsonb) RETURNING id""")
                .params(of.productId(), "alt-" + of.skuId())
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO sku_prices (sku_id, amount_minor, currency, original_amount, original_unit)
                        VALUES (?, ?, 'CNY', ?, 'MINOR')""").params(sku, priceFen, Long.toString(priceFen)).update();
        jdbc.sql("INSERT INTO sku_stock (sku_id, quantity, in_stock) VALUES (?, ?, ?)")
                .params(sku, stock, stock > 0)
                .update();
        return new CheckoutCatalogue.Sku(of.productId(), sku);
    }

    record Order(Shoppers.Session shopper, UUID id) {}

    /**
     * A shopper's order of these SKUs (quantity 1 each) by AIR to Moscow, placed through the API, then paid by card on
     * the sandbox's YooKassa page: its notification makes the order PAID (and the job at once takes it further).
     */
    Order paidOrder(CheckoutCatalogue.Sku... skus) {
        return pay(placed(skus));
    }

    /** A placed order paid by card on the sandbox's YooKassa page, once its notification has made it PAID. */
    Order pay(Order order) {
        String payment = jdbc.sql(
                        "SELECT provider_payment_id FROM payments WHERE order_id = ? AND provider = 'YOOKASSA'")
                .param(order.id())
                .query(String.class)
                .single();
        assertThat(yookassa.act(payment, "pay")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(order.id()).contains("PAID/PAYMENT"));
        return order;
    }

    /** The same order, left awaiting payment. */
    Order placed(CheckoutCatalogue.Sku... skus) {
        var session = Shoppers.signUp(api);
        long version = 0;
        for (var sku : skus) {
            Map<String, Object> item = new HashMap<>();
            item.put("productId", Long.toString(sku.productId()));
            item.put("skuId", Long.toString(sku.skuId()));
            item.put("quantity", 1);
            var added = checkout.send("POST", "/api/v1/cart/items", item, session.accessToken(), Map.of());
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            version = added.json().path("version").asLong();
        }
        String address = api.post(
                        "/api/v1/me/addresses", new HashMap<>(Shoppers.moscowAddress()), session.accessToken())
                .text("id");
        var quote = api.post(
                "/api/v1/checkout/quote",
                Map.of("addressId", address, "deliveryMethod", "AIR", "cartVersion", version),
                session.accessToken());
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        var placed = checkout.send(
                "POST",
                "/api/v1/orders",
                Map.of(
                        "quoteId",
                        quote.json().path("quoteId").asString(),
                        "addressId",
                        address,
                        "deliveryMethod",
                        "AIR",
                        "paymentMethod",
                        "CARD"),
                session.accessToken(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return new Order(session, UUID.fromString(placed.json().path("id").asString()));
    }

    String status(UUID order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?")
                .param(order)
                .query(String.class)
                .single();
    }

    List<String> history(UUID order) {
        return jdbc.sql("""
                        SELECT to_status || '/' || source FROM order_status_history WHERE order_id = ?
                        ORDER BY changed_at, id""").param(order).query(String.class).list();
    }

    /** A refund of the order as recorded: its status, amount (kopecks), line, units, reason and who asked. */
    record Refund(String status, long amountMinor, Long lineId, Integer quantity, String reason, String source) {}

    List<Refund> refunds(UUID order) {
        return jdbc.sql("""
                        SELECT r.status, r.amount_minor, r.order_line_id, r.quantity, r.reason, r.source
                        FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = ?
                        ORDER BY r.created_at, r.id""")
                .param(order)
                .query((rs, n) -> new Refund(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Integer.class),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** What the shopper paid for a line: its RUB unit price times its quantity, in kopecks. */
    long lineAmount(long lineId) {
        return jdbc.sql("SELECT unit_price_minor * quantity FROM order_lines WHERE id = ?")
                .param(lineId)
                .query(Long.class)
                .single();
    }

    /** What the order's payments received, in kopecks. */
    long paid(UUID order) {
        return jdbc.sql("SELECT COALESCE(sum(paid_minor), 0) FROM payments WHERE order_id = ?")
                .param(order)
                .query(Long.class)
                .single();
    }

    /** Pins a SKU at the partner: sold out or not, its measured weight per unit and box (null: drawn as usual). */
    void pin(CheckoutCatalogue.Sku sku, boolean soldOut, Integer grams, Integer l, Integer w, Integer h) {
        Map<String, Object> body = new HashMap<>();
        body.put("soldOut", soldOut);
        body.put("weightGrams", grams);
        body.put("lengthCm", l);
        body.put("widthCm", w);
        body.put("heightCm", h);
        String external = jdbc.sql("SELECT external_id FROM skus WHERE id = ?")
                .param(sku.skuId())
                .query(String.class)
                .single();
        send(
                sandbox + "/sandbox/admin/partner/skus/taobao/" + external,
                "PUT",
                Api.json.writeValueAsString(body),
                Map.of());
    }

    void callbacks(double duplicateRate, double reorderRate) {
        send(
                sandbox + "/sandbox/admin/partner/callbacks",
                "PUT",
                "{\"duplicateRate\":" + duplicateRate + ",\"reorderRate\":" + reorderRate + "}",
                Map.of());
    }

    /** A callback as the partner signs it, at {@code timestamp}, with {@code signature} (null: the right one). */
    HttpResponse<String> callback(String body, long timestamp, String signature) {
        return send(
                "http://127.0.0.1:" + port + "/api/v1/fulfilment/webhooks/partner",
                "POST",
                body,
                Map.of(
                        "X-Partner-Key",
                        KEY,
                        "X-Partner-Timestamp",
                        Long.toString(timestamp),
                        "X-Partner-Signature",
                        signature));
    }

    HttpResponse<String> signedCallback(String body, Instant at) {
        long ts = at.getEpochSecond();
        return callback(body, ts, PartnerSignature.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(String url, String method, String body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
