package dev.silkway.storefront.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.ShippedOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Orders follow their shipments: the tracking poller's rows and its {@code ShipmentStatusChanged}
 * events (published here to the real Kafka as its outbox relay does) move the order forward only,
 * once per change however often an event is delivered; the shopper sees shipments, legs, events and
 * the ETA on the order and the timeline alone on {@code /tracking}.
 */
class OrderTrackingIT extends StorefrontIntegrationTest {

    KafkaProducer<String, String> kafka;

    @BeforeEach
    void producer() {
        kafka = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Services.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void closeProducer() {
        kafka.close();
    }

    @Test
    void movesTheOrderForwardOnceHoweverOftenTheEventIsDelivered() {
        Shoppers.Session shopper = Shoppers.signUp(api);
        UUID order = shippedOrder(shopper.id());
        UUID shipment = shipment(order, "IN_CUSTOMS");

        publish(shipment, order, "IN_CUSTOMS");
        publish(shipment, order, "IN_CUSTOMS");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(order).equals("IN_CUSTOMS"));
        setStage(shipment, "ARRIVED");
        publish(shipment, order, "ARRIVED");
        publish(shipment, order, "ARRIVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(order).equals("ARRIVED"));
        int partition = publish(shipment, order, "IN_CUSTOMS"); // a late event
        String marker = markerOrder(partition);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(marker).equals("DELIVERED"));
        assertThat(status(order)).isEqualTo("ARRIVED");
        assertThat(history(order)).containsExactly("SHIPPED>IN_CUSTOMS", "IN_CUSTOMS>ARRIVED");
    }

    @Test
    void skipsTheStepsTheJourneySkippedAndWaitsForEveryParcelOfASplitOrder() {
        Shoppers.Session shopper = Shoppers.signUp(api);
        UUID order = shippedOrder(shopper.id());
        UUID first = shipment(order, "DELIVERED");
        UUID second = shipment(order, "OUT_FOR_DELIVERY");

        publish(first, order, "DELIVERED");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(order).equals("OUT_FOR_DELIVERY"));
        setStage(second, "DELIVERED");
        publish(second, order, "DELIVERED");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(order).equals("DELIVERED"));

        assertThat(history(order)).containsExactly("SHIPPED>OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY>DELIVERED");
    }

    @Test
    void aShopperSeesShipmentsLegsEventsAndTheTimelineOfTheirOwnOrderOnly() {
        Shoppers.Session shopper = Shoppers.signUp(api);
        UUID order = shippedOrder(shopper.id());
        UUID shipment = shipment(order, "IN_CUSTOMS");
        long leg = leg(shipment, 1, "INTERNATIONAL", "cdek");
        event(shipment, leg, Instant.parse("2026-11-01T10:00:00Z"), "IN_TRANSIT", "departed", "Guangzhou");
        event(shipment, leg, Instant.parse("2026-11-03T08:00:00Z"), "IN_TRANSIT", "customs_processing", "Moscow");

        Api.Response detail = api.get("/api/v1/orders/" + order, shopper.accessToken());
        Api.Response timeline = api.get("/api/v1/orders/" + order + "/tracking", shopper.accessToken());
        Api.Response stranger = api.get(
                "/api/v1/orders/" + order + "/tracking", Shoppers.signUp(api).accessToken());

        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        JsonNode parcel = detail.json().path("shipments").get(0);
        assertThat(parcel.path("id").asString()).isEqualTo(shipment.toString());
        assertThat(parcel.path("stage").asString()).isEqualTo("IN_CUSTOMS");
        assertThat(parcel.path("eta").path("latest").asString()).isNotBlank();
        assertThat(parcel.path("legs").get(0).path("carrier").asString()).isEqualTo("cdek");
        assertThat(parcel.path("legs").get(0).path("trackNumber").asString()).startsWith("TN");
        assertThat(parcel.path("events")).hasSize(2);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.json().path("events").get(0).path("subStatus").asString())
                .isEqualTo("customs_processing");
        assertThat(timeline.json().path("events").get(1).path("location").asString())
                .isEqualTo("Guangzhou");
        assertThat(stranger.status()).isEqualTo(404);
    }

    /** An order whose events go after the test's: once it is DELIVERED, the consumer has read past them. */
    private String markerOrder(int partition) {
        UUID order = shippedOrder(Shoppers.signUp(api).id());
        UUID shipment = shipment(order, "DELIVERED");
        send(new ProducerRecord<>(
                "silkway.shipments", partition, shipment.toString(), payload(shipment, order, "DELIVERED")));
        return order.toString();
    }

    /** Publishes the event keyed by its shipment; returns its partition. */
    private int publish(UUID shipment, UUID order, String stage) {
        return send(new ProducerRecord<>("silkway.shipments", shipment.toString(), payload(shipment, order, stage)));
    }

    private int send(ProducerRecord<String, String> record) {
        try {
            return kafka.send(record)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS)
                    .partition();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the event", e);
        }
    }

    private static String payload(UUID shipment, UUID order, String stage) {
        return "{\"shipmentId\":\"" + shipment + "\",\"orderId\":\"" + order + "\",\"status\":\"IN_TRANSIT\","
                + "\"subStatus\":null,\"stage\":\"" + stage + "\",\"legKind\":\"INTERNATIONAL\",\"at\":\""
                + Instant.now() + "\"}";
    }

    private UUID shippedOrder(UUID shopper) {
        return ShippedOrders.create(jdbc, shopper);
    }

    private UUID shipment(UUID order, String stage) {
        return jdbc.sql("""
                INSERT INTO shipments (order_id, delivery_method, status, stage, shipped_at, eta_earliest, eta_latest)
                VALUES (?, 'AIR', 'IN_TRANSIT', ?, now(), now() + interval '5 days', now() + interval '10 days')
                RETURNING id""").params(order, stage).query(UUID.class).single();
    }

    private long leg(UUID shipment, int no, String kind, String carrier) {
        return jdbc.sql("""
                INSERT INTO shipment_legs (shipment_id, leg_no, kind, carrier_code, track_number, status)
                VALUES (?, ?, ?, ?, ?, 'IN_TRANSIT') RETURNING id""")
                .params(
                        shipment,
                        no,
                        kind,
                        carrier,
                        "TN"
                                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36)
                                        .toUpperCase())
                .query(Long.class)
                .single();
    }

    private void event(UUID shipment, long leg, Instant at, String status, String subStatus, String location) {
        jdbc.sql("""
                INSERT INTO tracking_events (shipment_id, leg_id, occurred_at, status, sub_status, raw_status, location,
                    source, dedup_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'cdek-v2', ?)""")
                .params(
                        shipment,
                        leg,
                        java.sql.Timestamp.from(at),
                        status,
                        subStatus,
                        subStatus,
                        location,
                        UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update();
    }

    private void setStage(UUID shipment, String stage) {
        jdbc.sql("UPDATE shipments SET stage = ? WHERE id = ?")
                .params(stage, shipment)
                .update();
    }

    private String status(Object order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?")
                .params(UUID.fromString(order.toString()))
                .query(String.class)
                .single();
    }

    private List<String> history(UUID order) {
        return jdbc.sql("""
                SELECT from_status || '>' || to_status FROM order_status_history
                WHERE order_id = ? AND source = 'CARRIER' ORDER BY changed_at, id""").params(order).query(String.class).list();
    }
}
