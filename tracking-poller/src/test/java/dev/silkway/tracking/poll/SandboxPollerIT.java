package dev.silkway.tracking.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.StaffTokens;
import dev.silkway.tracking.Parcels;
import dev.silkway.tracking.carrier.CarrierSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The poller with the real carrier clients against the sandbox's simulators (17TRACK, CDEK, SF Express,
 * Russian Post): journeys of two legs each followed to their end (DELIVERED, or returned) while the simulators repeat and
 * reorder events, no event lost, the stage never backwards, every carrier within its limit;
 * and 17TRACK's signed pushes received on the webhook endpoint, a forged one refused.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "silkway.tracking.poll.cycle=200ms",
            "silkway.tracking.poll.schedule.early=500ms",
            "silkway.tracking.poll.schedule.near=500ms",
            "silkway.tracking.poll.schedule.normal=500ms",
            "silkway.tracking.poll.schedule.sea=500ms",
            "silkway.tracking.poll.schedule.webhook-covered=2s",
            "silkway.tracking.poll.schedule.first-failure=500ms",
            "silkway.tracking.poll.schedule.max-backoff=2s",
        })
class SandboxPollerIT {

    static final CarrierSandbox sandbox = CarrierSandbox.shared();
    static final List<String> STAGES = List.of("SHIPPED", "IN_CUSTOMS", "ARRIVED", "OUT_FOR_DELIVERY", "DELIVERED");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "sandbox_poller");
        ServiceProperties.kafka(registry);
        StaffTokens.register(registry);
        registry.add("silkway.carriers.track17.base-url", () -> sandbox.url() + "/17track/track/v2.2");
        registry.add("silkway.carriers.cdek.base-url", () -> sandbox.url() + "/cdek/v2");
        registry.add("silkway.carriers.sf-express.service-url", () -> sandbox.url() + "/sf-express/std/service");
        registry.add("silkway.carriers.russian-post.url", () -> sandbox.url() + "/russian-post/rtm34");
    }

    @Autowired
    DataSource database;

    @LocalServerPort
    int port;

    JdbcClient jdbc;
    Parcels parcels;

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(database);
        parcels = new Parcels(jdbc);
    }

    @AfterEach
    void calmSandbox() {
        sandbox.noFaults();
    }

    @Test
    void followsJourneysOverBothLegsToTheirEndStoringEachEventOnceWithinEveryCarriersLimit() {
        sandbox.misbehaviour(0.3, 0.3, 0);
        long since = Instant.now().getEpochSecond();
        List<Parcels.Shipment> shipments = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        String prefix = "poller-" + UUID.randomUUID().toString().substring(0, 8);
        for (String line : List.of("sf-express", "china-ems")) {
            for (String lastMile : List.of("cdek", "russian-post")) {
                for (List<String> legs :
                        sandbox.journeys(prefix + line + lastMile, 2, "EXPRESS", line, lastMile, Instant.now())) {
                    shipments.add(parcels.shipment(
                            parcels.shippedOrder(parcels.shopper()),
                            "EXPRESS",
                            new Parcels.Leg("INTERNATIONAL", line, legs.get(0)),
                            new Parcels.Leg("LAST_MILE", lastMile, legs.get(1))));
                    numbers.addAll(legs);
                }
            }
        }

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(legStates(shipments))
                        .as("legs: kind carrier status/sub-status polled-at failures")
                        // Delivered, or returned or lost as some sandbox journeys end (an exception leg).
                        .allMatch(state -> state.equals("DELIVERED") || state.contains(" EXCEPTION/")));
        // Every event the carriers have told by now is stored, once the legs polled last have had their turn (a
        // line's leg handed on may be polled after its shipment is delivered: 17TRACK's registered numbers wait
        // the longer webhook-covered interval).
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String number : numbers) {
                        JsonNode seen = tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .readTree(sandbox.send("GET", "/sandbox/journeys/" + number, null));
                        assertThat(storedEvents(number))
                                .as("events of %s", number)
                                .isGreaterThanOrEqualTo(seen.path("events").size());
                    }
                });
        for (Parcels.Shipment shipment : shipments) {
            List<Integer> stages = jdbc.sql("""
                    SELECT payload ->> 'stage' FROM outbox_events
                    WHERE aggregate_type = 'shipment' AND aggregate_id = ? ORDER BY id""").params(shipment.id().toString()).query(String.class).list().stream()
                    .map(STAGES::indexOf)
                    .toList();
            assertThat(stages).as("stages of %s", shipment.id()).isSorted();
        }
        JsonNode calls = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(sandbox.send("GET", "/sandbox/carriers/calls?since=" + since, null));
        calls.properties()
                .forEach(api -> assertThat(api.getValue().path("maxPerSecond").asInt())
                        .as("most calls in a second to %s", api.getKey())
                        .isLessThanOrEqualTo((int)
                                Math.floor(api.getValue().path("limitPerSecond").asDouble())));
    }

    @Test
    void takesSigned17TrackPushesAndRefusesAForgedOne() throws Exception {
        String prefix = "push-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> legs = sandbox.journeys(prefix, 1, "SEA", "china-ems", "cdek", Instant.now())
                .getFirst();
        Parcels.Shipment shipment = parcels.shipment(
                parcels.shippedOrder(parcels.shopper()),
                "EXPRESS",
                new Parcels.Leg("INTERNATIONAL", "china-ems", legs.get(0)),
                new Parcels.Leg("LAST_MILE", "cdek", legs.get(1)));
        // Registered by the poller, the number is then pushed by 17TRACK's simulator to the local hook server.
        CarrierSandbox.Callback push;
        do {
            push = sandbox.callbacks().poll(60, TimeUnit.SECONDS);
            assertThat(push).as("a 17TRACK push").isNotNull();
        } while (!new String(push.body(), java.nio.charset.StandardCharsets.UTF_8).contains(legs.get(0)));

        HttpResponse<String> taken = forward(push, push.body());
        HttpResponse<String> again = forward(push, push.body());
        byte[] altered = push.body().clone();
        altered[altered.length / 2] = (byte) (altered[altered.length / 2] == 'a' ? 'b' : 'a');
        HttpResponse<String> forged = forward(push, altered);

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM carrier_webhook_events WHERE source = '17track' AND processed_at IS NOT NULL")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT registered_at IS NOT NULL FROM shipment_legs WHERE id = ?")
                        .params(shipment.legIds().getFirst())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private HttpResponse<String> forward(CarrierSandbox.Callback push, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/carriers/webhooks/17track"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        push.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("sign")) {
                request.header(name, value);
            }
        });
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Each shipment's stage and legs, as a failure shows them. */
    private List<String> legStates(List<Parcels.Shipment> shipments) {
        return shipments.stream()
                .map(s -> stage(s) + " "
                        + jdbc.sql("""
                                SELECT string_agg(kind || ' ' || carrier_code || ' ' || status || '/'
                                    || coalesce(sub_status, '-') || ' ' || coalesce(last_polled_at::text, 'never') || ' '
                                    || poll_failures, '; ' ORDER BY leg_no)
                                FROM shipment_legs WHERE shipment_id = ?""").params(s.id()).query(String.class).single())
                .map(state -> state.startsWith("DELIVERED") ? "DELIVERED" : state)
                .toList();
    }

    private String stage(Parcels.Shipment shipment) {
        return jdbc.sql("SELECT stage FROM shipments WHERE id = ?")
                .params(shipment.id())
                .query(String.class)
                .single();
    }

    private int storedEvents(String number) {
        return jdbc.sql("""
                SELECT count(*) FROM tracking_events e JOIN shipment_legs l ON l.id = e.leg_id WHERE l.track_number = ?""").params(number).query(Integer.class).single();
    }
}
