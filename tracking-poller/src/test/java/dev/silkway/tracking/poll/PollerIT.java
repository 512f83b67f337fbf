package dev.silkway.tracking.poll;

import static dev.silkway.tracking.Parcels.event;
import static dev.silkway.tracking.Parcels.leg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.StaffTokens;
import dev.silkway.tracking.Parcels;
import dev.silkway.tracking.ScriptedCarrier;
import dev.silkway.tracking.carrier.CarrierApi;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The poller against real PostgreSQL and Kafka, two carrier platforms replaced by scripted in-process
 * doubles (primary over the real clients) so that each case is exact; SandboxPollerIT runs the real
 * clients against the sandbox.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "silkway.tracking.stuck.after[IN_TRANSIT]=3d",
            "silkway.tracking.poll.cycle=200ms",
            "silkway.tracking.poll.lease=3s",
            "silkway.tracking.poll.schedule.early=1s",
            "silkway.tracking.poll.schedule.near=1s",
            "silkway.tracking.poll.schedule.normal=1s",
            "silkway.tracking.poll.schedule.sea=1h",
            "silkway.tracking.poll.schedule.webhook-covered=1h",
            "silkway.tracking.poll.schedule.first-failure=1s",
        })
class PollerIT {

    static final ScriptedCarrier cdek = new ScriptedCarrier("cdek-v2", 10, 5);
    static final ScriptedCarrier track17 = new ScriptedCarrier("17track", 40, 3);

    @TestConfiguration
    static class Carriers {
        @Bean
        @Primary
        CarrierApi cdek() {
            return cdek;
        }

        @Bean
        @Primary
        CarrierApi track17() {
            return track17;
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "poller");
        ServiceProperties.kafka(registry);
        StaffTokens.register(registry);
    }

    @Autowired
    DataSource database;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    JdbcClient jdbc;
    Parcels parcels;
    final Instant t0 = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(database);
        parcels = new Parcels(jdbc);
    }

    @Test
    void storesEachEventOnceHoweverOftenAndInWhateverOrderTheCarrierRepeatsIt() {
        Parcels.Shipment shipment = shippedByCdek();
        String number = trackNumber(shipment.legIds().getFirst());
        cdek.script(
                number,
                List.of(
                        event(t0, TrackingStatus.INFO_RECEIVED, null, "1", "Guangzhou"),
                        event(t0.plusSeconds(3600), TrackingStatus.IN_TRANSIT, "departed", "3", "Guangzhou"),
                        event(t0.plusSeconds(7200), TrackingStatus.IN_TRANSIT, "arrived", "4", "Moscow")));

        await().atMost(Duration.ofSeconds(30)).until(() -> cdek.timesTracked(number) >= 3);

        assertThat(eventsOf(shipment)).isEqualTo(3);
        assertThat(legStatus(shipment.legIds().getFirst())).isEqualTo("IN_TRANSIT/arrived");
    }

    @Test
    void takesTheFurthestOfEventsStampedWithTheSameSecondWhateverTheirOrder() {
        Parcels.Shipment shipment = shippedByCdek();
        String number = trackNumber(shipment.legIds().getFirst());
        Instant second = t0.plusSeconds(3600);
        cdek.script(
                number,
                List.of(
                        event(t0, TrackingStatus.IN_TRANSIT, "customs_processing", "C1", "Moscow"),
                        event(second, TrackingStatus.EXCEPTION, "returning", "R1", "Moscow"),
                        event(second, TrackingStatus.IN_TRANSIT, "customs_held", "C2", "Moscow")));

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(shipment) == 3);

        assertThat(legStatus(shipment.legIds().getFirst())).isEqualTo("EXCEPTION/returning");
    }

    @Test
    void keepsTwoScansOfTheSameMinuteAndHubThatShareTheirCodeAndKeysThemAsTheMigrationDoes() {
        Parcels.Shipment shipment = shippedByCdek();
        String number = trackNumber(shipment.legIds().getFirst());
        Instant minute = t0.plusSeconds(3600);
        cdek.script(
                number,
                List.of(
                        new CarrierEvent(
                                minute,
                                TrackingStatus.IN_TRANSIT,
                                "sorting",
                                "3",
                                "Arrived at the hub",
                                "Moscow",
                                "{}"),
                        new CarrierEvent(
                                minute,
                                TrackingStatus.IN_TRANSIT,
                                "sorting",
                                "3",
                                "Departed the hub",
                                "Moscow",
                                "{}")));

        await().atMost(Duration.ofSeconds(30)).until(() -> cdek.timesTracked(number) >= 2);

        assertThat(eventsOf(shipment)).isEqualTo(2);
        // V91 computed the keys of the events stored before it from their columns, as the poller keys new ones.
        assertThat(jdbc.sql("""
                        SELECT bool_and(dedup_key = sha256(
                                convert_to(leg_id::text, 'UTF8') || '\\x00'::bytea
                                || convert_to(floor(extract(epoch FROM occurred_at) * 1000)::bigint::text, 'UTF8')
                                || '\\x00'::bytea || convert_to(raw_status, 'UTF8') || '\\x00'::bytea
                                || convert_to(coalesce(btrim(location), ''), 'UTF8') || '\\x00'::bytea
                                || convert_to(coalesce(description, ''), 'UTF8')))
                        FROM tracking_events WHERE shipment_id = ?""").params(shipment.id()).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void aLateEventNeverMovesTheShipmentBackwards() {
        Parcels.Shipment shipment = parcels.shipment(
                parcels.shippedOrder(parcels.shopper()),
                "AIR",
                leg("INTERNATIONAL", "cdek"),
                leg("LAST_MILE", "russian-post"));
        long internationalLeg = shipment.legIds().getFirst();
        String international = trackNumber(internationalLeg);
        CarrierEvent customs =
                event(t0.plusSeconds(3600), TrackingStatus.IN_TRANSIT, "customs_processing", "C1", "Moscow");
        CarrierEvent handedOn = event(t0.plusSeconds(7200), TrackingStatus.DELIVERED, null, "9", "Moscow");
        cdek.script(international, List.of(customs));
        await().atMost(Duration.ofSeconds(30)).until(() -> stage(shipment).equals("IN_CUSTOMS"));

        // Handed on to the last mile, which is on its way (its carrier is polled elsewhere).
        jdbc.sql("UPDATE shipment_legs SET status = 'IN_TRANSIT', last_event_at = ? WHERE id = ?")
                .params(
                        java.sql.Timestamp.from(t0.plusSeconds(8000)),
                        shipment.legIds().get(1))
                .update();
        cdek.script(international, List.of(customs, handedOn));
        await().atMost(Duration.ofSeconds(30)).until(() -> stage(shipment).equals("ARRIVED"));

        // A late customs hold (older than what is known) comes in: stored, but nothing moves back.
        cdek.script(
                international,
                List.of(
                        customs,
                        handedOn,
                        event(t0.plusSeconds(1800), TrackingStatus.IN_TRANSIT, "customs_hold", "C0", "Moscow")));
        int before = eventsOf(shipment);
        jdbc.sql("UPDATE shipment_legs SET next_poll_at = now() WHERE id = ?")
                .params(internationalLeg)
                .update();
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(shipment) == before + 1);

        assertThat(stage(shipment)).isEqualTo("ARRIVED");
        assertThat(legStatus(internationalLeg)).isEqualTo("DELIVERED/null");
    }

    @Test
    void publishesShipmentStatusChangedWithTheOrderThroughTheOutbox() {
        Parcels.Shipment shipment = shippedByCdek();
        cdek.script(
                trackNumber(shipment.legIds().getFirst()),
                List.of(event(t0, TrackingStatus.IN_TRANSIT, "customs_processing", "C1", "Moscow")));

        await().atMost(Duration.ofSeconds(30)).until(() -> stage(shipment).equals("IN_CUSTOMS"));

        Map<String, Object> payload =
                jdbc.sql("""
                SELECT payload ->> 'orderId' AS order_id, payload ->> 'status' AS status, payload ->> 'stage' AS stage,
                       payload ->> 'at' AS at
                FROM outbox_events WHERE aggregate_type = 'shipment' AND aggregate_id = ? AND event_type = 'ShipmentStatusChanged'
                """).params(shipment.id().toString()).query().singleRow();
        assertThat(payload)
                .containsEntry("order_id", shipment.orderId().toString())
                .containsEntry("status", "IN_TRANSIT")
                .containsEntry("stage", "IN_CUSTOMS")
                .containsEntry("at", t0.toString());
    }

    @Test
    void neverPollsALegAgainAfterItsFinalStatus() {
        Parcels.Shipment shipment = shippedByCdek();
        String number = trackNumber(shipment.legIds().getFirst());
        cdek.script(
                number,
                List.of(
                        event(t0, TrackingStatus.OUT_FOR_DELIVERY, null, "7", "Moscow"),
                        event(t0.plusSeconds(600), TrackingStatus.DELIVERED, null, "8", "Moscow")));

        await().atMost(Duration.ofSeconds(30)).until(() -> stage(shipment).equals("DELIVERED"));

        assertThat(jdbc.sql("SELECT next_poll_at IS NULL FROM shipment_legs WHERE id = ?")
                        .params(shipment.legIds().getFirst())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT delivered_at FROM shipments WHERE id = ?")
                        .params(shipment.id())
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(t0.plusSeconds(600));
    }

    @Test
    void stopsPollingALinesLegHandedOnOnceItsShipmentIsDelivered() {
        Parcels.Shipment shipment = parcels.shipment(
                parcels.shippedOrder(parcels.shopper()), "AIR", leg("INTERNATIONAL", "cdek"), leg("LAST_MILE", "cdek"));
        long line = shipment.legIds().get(0);
        long lastMile = shipment.legIds().get(1);
        // the line's own scans end at the hand-over: no final status of its own, ever
        cdek.script(trackNumber(line), List.of(event(t0, TrackingStatus.IN_TRANSIT, "handed_over", "HO", "Moscow")));
        cdek.script(
                trackNumber(lastMile),
                List.of(
                        event(t0.plusSeconds(3600), TrackingStatus.OUT_FOR_DELIVERY, null, "7", "Moscow"),
                        event(t0.plusSeconds(7200), TrackingStatus.DELIVERED, null, "8", "Moscow")));

        await().atMost(Duration.ofSeconds(30)).until(() -> stage(shipment).equals("DELIVERED"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                "SELECT next_poll_at IS NULL AND poll_claim IS NULL FROM shipment_legs WHERE id = ?")
                        .params(line)
                        .query(Boolean.class)
                        .single());

        assertThat(legStatus(line)).isEqualTo("IN_TRANSIT/handed_over");
        assertThat(jdbc.sql("""
                        SELECT l.last_polled_at >= e.created_at FROM shipment_legs l, outbox_events e
                        WHERE l.id = ? AND e.aggregate_type = 'shipment' AND e.aggregate_id = ?
                          AND e.payload ->> 'stage' = 'DELIVERED'""")
                        .params(line, shipment.id().toString())
                        .query(Boolean.class)
                        .single())
                .as("polled once more after its shipment was recorded delivered")
                .isTrue();
    }

    @Test
    void registers17TrackNumbersFirstAndThenPollsThemRarely() {
        Parcels.Shipment shipment =
                parcels.shipment(parcels.shippedOrder(parcels.shopper()), "AIR", leg("CHINA_DOMESTIC", "zto"));
        long legId = shipment.legIds().getFirst();
        String number = trackNumber(legId);
        track17.script(number, List.of(event(t0, TrackingStatus.IN_TRANSIT, null, "InTransit", "Hangzhou")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> track17.timesTracked(number) == 1
                        && jdbc.sql("SELECT poll_claim IS NULL FROM shipment_legs WHERE id = ?")
                                .params(legId)
                                .query(Boolean.class)
                                .single());

        assertThat(track17.registrations())
                .anyMatch(batch -> batch.stream().anyMatch(n -> n.trackNumber().equals(number)));
        assertThat(jdbc.sql("SELECT registered_at IS NOT NULL AND next_poll_at > now() + interval '30 minutes'"
                                + " FROM shipment_legs WHERE id = ?")
                        .params(legId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void backsOffANumberTheCarrierDoesNotKnowYet() {
        Parcels.Shipment shipment = shippedByCdek();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT poll_failures FROM shipment_legs WHERE id = ?")
                                .params(shipment.legIds().getFirst())
                                .query(Integer.class)
                                .single()
                        >= 2);

        assertThat(eventsOf(shipment)).isZero();
    }

    @Test
    void listsStuckParcelsCustomsHoldsAndExceptionsToOperatorsOnly() throws Exception {
        Parcels.Shipment quiet =
                parcels.shipment(parcels.shippedOrder(parcels.shopper()), "AIR", leg("INTERNATIONAL", "china-post"));
        Parcels.Shipment recent =
                parcels.shipment(parcels.shippedOrder(parcels.shopper()), "AIR", leg("INTERNATIONAL", "china-post"));
        Parcels.Shipment held =
                parcels.shipment(parcels.shippedOrder(parcels.shopper()), "AIR", leg("INTERNATIONAL", "china-post"));
        Parcels.Shipment lost =
                parcels.shipment(parcels.shippedOrder(parcels.shopper()), "AIR", leg("INTERNATIONAL", "china-post"));
        jdbc.sql("UPDATE shipments SET status = 'IN_TRANSIT', last_event_at = now() - interval '4 days' WHERE id = ?")
                .params(quiet.id())
                .update();
        jdbc.sql("UPDATE shipments SET status = 'IN_TRANSIT', last_event_at = now() - interval '2 days' WHERE id = ?")
                .params(recent.id())
                .update();
        jdbc.sql(
                        "UPDATE shipments SET status = 'IN_TRANSIT', sub_status = 'customs_held', last_event_at = now() WHERE id = ?")
                .params(held.id())
                .update();
        jdbc.sql("UPDATE shipments SET status = 'EXCEPTION', sub_status = 'lost', last_event_at = now() WHERE id = ?")
                .params(lost.id())
                .update();
        String operator = StaffTokens.forNewAccount(database, "OPERATOR");

        String stuck = get("/api/v1/ops/shipments?state=stuck", operator).body();
        String customs =
                get("/api/v1/ops/shipments?state=customs-hold", operator).body();
        String exceptions =
                get("/api/v1/ops/shipments?state=exception", operator).body();

        assertThat(stuck)
                .contains(quiet.id().toString())
                .doesNotContain(recent.id().toString());
        assertThat(customs)
                .contains(held.id().toString())
                .doesNotContain(lost.id().toString());
        assertThat(exceptions)
                .contains(lost.id().toString())
                .doesNotContain(held.id().toString());
        assertThat(get("/api/v1/ops/shipments?state=stuck", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/ops/shipments?state=stuck", StaffTokens.forNewAccount(database, "SHOPPER"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/ops/shipments?state=lost", operator).statusCode())
                .isEqualTo(400);
    }

    private java.net.http.HttpResponse<String> get(String path, @org.jspecify.annotations.Nullable String token)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    private Parcels.Shipment shippedByCdek() {
        return parcels.shipment(parcels.shippedOrder(parcels.shopper()), "AIR", leg("INTERNATIONAL", "cdek"));
    }

    private String trackNumber(long legId) {
        return jdbc.sql("SELECT track_number FROM shipment_legs WHERE id = ?")
                .params(legId)
                .query(String.class)
                .single();
    }

    private int eventsOf(Parcels.Shipment shipment) {
        return jdbc.sql("SELECT count(*) FROM tracking_events WHERE shipment_id = ?")
                .params(shipment.id())
                .query(Integer.class)
                .single();
    }

    private String legStatus(long legId) {
        return jdbc.sql("SELECT status || '/' || coalesce(sub_status, 'null') FROM shipment_legs WHERE id = ?")
                .params(legId)
                .query(String.class)
                .single();
    }

    private String stage(Parcels.Shipment shipment) {
        return jdbc.sql("SELECT stage FROM shipments WHERE id = ?")
                .params(shipment.id())
                .query(String.class)
                .single();
    }
}
