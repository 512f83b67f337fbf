package dev.silkway.tracking.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import dev.silkway.tracking.Parcels;
import dev.silkway.tracking.TrackingPollerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./silkway bench tracking}: {@code bench.shipments} (100,000) active shipments bulk-started in the
 * sandbox (two legs each, mixed over SF Express / China EMS by 17TRACK and CDEK / Russian Post), handed to
 * {@code bench.pollers} (2) poller instances with the real carrier clients, polled for {@code bench.seconds}.
 * From the sandbox's per-second counts: seconds above any carrier's limit, and the share of the allowed calls
 * used (work is due all along); lag p99 from an event's time at the carrier to the order's status moved by it:
 * the storefront's jar runs beside the pollers ({@link FollowingStorefront}) and follows the shipments' topic, and
 * once the pollers stop it is given the time to apply what they published. The lag to the committed shipment
 * change alone is printed too.
 */
class TrackingBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SPREAD_BATCHES = 10;

    @Test
    void pollsWithinEveryCarriersLimitAndUsesIt() throws Exception {
        int shipments = Integer.getInteger("bench.shipments", 100_000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int pollers = Integer.getInteger("bench.pollers", 2);
        long timeFactor = Long.getLong("bench.time-factor", 3000);
        SandboxProcess sandbox = SandboxProcess.start(List.of(
                "--silkway.sandbox.time-factor=" + timeFactor,
                "--silkway.sandbox.journey-capacity=" + (shipments + 1000)));
        String database = TestDatabases.fresh("tracking_bench");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                TestDatabases.jdbcUrl(database),
                Services.postgres().user(),
                Services.postgres().password()));
        List<ConfigurableApplicationContext> running = new ArrayList<>();
        String topic = "bench.shipments." + UUID.randomUUID();
        FollowingStorefront storefront = null;
        try {
            // Handed over at ten moments spread over the last bench.spread-days (simulated), so that shipments are at
            // every stage, as in a running service, and some reach customs, arrive or are delivered during the run.
            Duration spread = Duration.ofMillis(Math.round(
                    Double.parseDouble(System.getProperty("bench.spread-days", "10")) * 86_400_000 / timeFactor));
            Instant now = Instant.now();
            for (int batch = 0; batch < SPREAD_BATCHES; batch++) {
                int count = shipments / SPREAD_BATCHES + (batch < shipments % SPREAD_BATCHES ? 1 : 0);
                Instant handOver = now.minus(spread.multipliedBy(batch).dividedBy(SPREAD_BATCHES));
                JsonNode started = JSON.readTree(send(
                        sandbox.url() + "/sandbox/journeys",
                        "POST",
                        "{\"count\":" + count + ",\"prefix\":\"bench" + batch + "\",\"handedOverAt\":\"" + handOver
                                + "\"}"));
                handOver(jdbc, started.path("parcels"));
            }
            System.out.printf(
                    "handed over %d shipments (%d legs) over the last %d s (%s days simulated)%n",
                    shipments, 2 * shipments, spread.toSeconds(), System.getProperty("bench.spread-days", "10"));

            storefront = FollowingStorefront.start(database, topic);
            for (int i = 0; i < pollers; i++) {
                running.add(poller(database, sandbox.url(), topic));
            }
            long from = Instant.now().getEpochSecond() + 1;
            long until = from + seconds;
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(seconds + 30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().getEpochSecond() > until);

            JsonNode calls = JSON.readTree(send(sandbox.url() + "/sandbox/carriers/calls?since=" + from, "GET", null));
            long made = 0;
            double allowed = 0;
            int overLimit = 0;
            for (var api : calls.properties()) {
                int limit =
                        (int) Math.floor(api.getValue().path("limitPerSecond").asDouble());
                allowed += limit;
                int apiCalls = 0;
                for (JsonNode second : api.getValue().path("seconds")) {
                    long at = second.path("second").asLong();
                    if (at >= from && at < until) {
                        apiCalls += second.path("calls").asInt();
                        if (second.path("calls").asInt() > limit) {
                            overLimit++;
                        }
                    }
                }
                made += apiCalls;
                System.out.printf(
                        "%s: %d calls in %d s, limit %d/s, use %.3f%n",
                        api.getKey(), apiCalls, seconds, limit, apiCalls / (double) (limit * seconds));
            }
            running.forEach(ConfigurableApplicationContext::close);
            running.clear();
            long published = jdbc.sql(
                            "SELECT count(*) FROM outbox_events WHERE aggregate_type = 'shipment' AND published_at IS NOT NULL")
                    .query(Long.class)
                    .single();
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> jdbc.sql("SELECT coalesce(sum(next_offset), 0) FROM consumer_offsets WHERE topic = ?")
                                    .params(topic)
                                    .query(Long.class)
                                    .single()
                            >= published);
            Double changeLagP99 = jdbc.sql("""
                    SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - (payload ->> 'at')::timestamptz) * 1000)
                    FROM outbox_events WHERE aggregate_type = 'shipment' AND (payload ->> 'at')::timestamptz >= to_timestamp(:from)""")
                    .param("from", from)
                    .query(Double.class)
                    .optional()
                    .orElse(null);
            int changes = jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_type = 'shipment'")
                    .query(Integer.class)
                    .single();
            var orderLag = jdbc.sql("""
                    WITH reached AS (
                        SELECT CAST(payload ->> 'orderId' AS uuid) AS order_id, payload ->> 'stage' AS stage,
                               min(CAST(payload ->> 'at' AS timestamptz)) AS at
                        FROM outbox_events WHERE aggregate_type = 'shipment' GROUP BY 1, 2)
                    SELECT count(*) AS moves,
                           percentile_cont(0.50) WITHIN GROUP (ORDER BY extract(epoch FROM h.changed_at - r.at) * 1000) AS p50,
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM h.changed_at - r.at) * 1000) AS p99
                    FROM order_status_history h JOIN reached r ON r.order_id = h.order_id AND r.stage = h.to_status
                    WHERE h.source = 'CARRIER' AND r.at >= to_timestamp(:from)""").param("from", from).query().singleRow();
            long lagP99 = orderLag.get("p99") == null ? -1 : Math.round(((Number) orderLag.get("p99")).doubleValue());
            double perSecond = made / (double) seconds;
            System.out.printf(
                    "shipment status changes: %d (%d published, all applied by the storefront); lag p99 to the committed"
                            + " shipment change %d ms%n",
                    changes, published, changeLagP99 == null ? -1 : Math.round(changeLagP99));
            System.out.printf(
                    "orders moved by the storefront: %s; lag from the carrier's event to the order's status p50 %s ms,"
                            + " p99 %d ms%n",
                    orderLag.get("moves"),
                    orderLag.get("p50") == null ? "-" : Math.round(((Number) orderLag.get("p50")).doubleValue()),
                    lagP99);
            System.out.printf(
                    "BENCH tracking shipments=%d calls_per_s=%.1f allowed_per_s=%.0f use=%.3f over_limit_seconds=%d lag_p99_ms=%d%n",
                    shipments, perSecond, allowed, perSecond / allowed, overLimit, lagP99);
            assertThat(overLimit).isZero();
            assertThat(((Number) orderLag.get("moves")).longValue())
                    .as("orders moved")
                    .isPositive();
        } finally {
            running.forEach(ConfigurableApplicationContext::close);
            if (storefront != null) {
                storefront.close();
            }
            sandbox.close();
        }
    }

    /** Orders, shipments and both legs of every parcel, a thousand parcels per statement. */
    private static void handOver(JdbcClient jdbc, JsonNode parcels) {
        UUID shopper = new Parcels(jdbc).shopper();
        List<String> carriers = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (JsonNode parcel : parcels) {
            JsonNode line = parcel.path("legs").path(0);
            JsonNode lastMile = parcel.path("legs").path(1);
            carriers.add(line.path("carrierCode").asString() + "|"
                    + lastMile.path("carrierCode").asString());
            numbers.add(line.path("trackNumber").asString() + "|"
                    + lastMile.path("trackNumber").asString());
            if (carriers.size() == 1000) {
                insert(jdbc, shopper, carriers, numbers);
                carriers.clear();
                numbers.clear();
            }
        }
        if (!carriers.isEmpty()) {
            insert(jdbc, shopper, carriers, numbers);
        }
    }

    private static void insert(JdbcClient jdbc, UUID shopper, List<String> carriers, List<String> numbers) {
        jdbc.sql("""
                WITH input AS (
                    SELECT split_part(c, '|', 1) AS line_carrier, split_part(c, '|', 2) AS last_carrier,
                           split_part(n, '|', 1) AS line_number, split_part(n, '|', 2) AS last_number
                    FROM unnest(CAST(:carriers AS text[]), CAST(:numbers AS text[])) AS u(c, n)),
                orders_in AS (
                    INSERT INTO orders (user_id, idempotency_key, status, delivery_method, payment_method,
                        shipping_country, shipping_address_enc, pii_key_id, currency, goods_minor, total_minor,
                        goods_cny_minor, exchange_rate, exchange_rate_date, snapshot)
                    SELECT :shopper, 'bench-' || line_number, 'SHIPPED', 'AIR', 'CARD', 'RU', '\\x00', 'k1', 'RUB',
                        100000, 100000, 8000, 12.5, CURRENT_DATE,
                        '{"deliveryLine": {"method": "AIR", "etaMinDays": 10, "etaMaxDays": 20}}'
                    FROM input RETURNING id, idempotency_key),
                shipments_in AS (
                    INSERT INTO shipments (order_id, delivery_method, shipped_at)
                    SELECT o.id, 'EXPRESS', now() FROM orders_in o RETURNING id, order_id)
                INSERT INTO shipment_legs (shipment_id, leg_no, kind, carrier_code, track_number, next_poll_at)
                SELECT s.id, leg.no, leg.kind, leg.carrier, leg.number, now()
                FROM shipments_in s
                JOIN orders_in o ON o.id = s.order_id
                JOIN input i ON 'bench-' || i.line_number = o.idempotency_key
                CROSS JOIN LATERAL (VALUES (1, 'INTERNATIONAL', i.line_carrier, i.line_number),
                                           (2, 'LAST_MILE', i.last_carrier, i.last_number)) AS leg(no, kind, carrier, number)
                """)
                .param("shopper", shopper)
                .param("carriers", carriers.toArray(String[]::new))
                .param("numbers", numbers.toArray(String[]::new))
                .update();
    }

    private static ConfigurableApplicationContext poller(String database, String sandbox, String topic) {
        return new SpringApplicationBuilder(TrackingPollerApplication.class)
                .run(PollerInstances.args(
                        database,
                        "--silkway.carriers.track17.base-url=" + sandbox + "/17track/track/v2.2",
                        "--silkway.carriers.cdek.base-url=" + sandbox + "/cdek/v2",
                        "--silkway.carriers.sf-express.service-url=" + sandbox + "/sf-express/std/service",
                        "--silkway.carriers.russian-post.url=" + sandbox + "/russian-post/rtm34",
                        "--silkway.outbox.topics.shipment=" + topic,
                        "--silkway.tracking.poll.schedule.early=1s",
                        "--silkway.tracking.poll.schedule.near=1s",
                        "--silkway.tracking.poll.schedule.normal=5s",
                        "--silkway.tracking.poll.schedule.sea=30s",
                        "--silkway.tracking.poll.schedule.webhook-covered=30s"));
    }

    private static String send(String url, String method, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode());
            }
            return response.body();
        }
    }
}
