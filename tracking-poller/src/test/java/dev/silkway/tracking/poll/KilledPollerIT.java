package dev.silkway.tracking.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import dev.silkway.tracking.Parcels;
import dev.silkway.tracking.TrackingPollerApplication;
import dev.silkway.tracking.carrier.CarrierSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A poller as a deployment runs it, a child JVM from the packaged jar, killed with SIGKILL in the middle of a cycle
 * (its calls to SF Express and CDEK hanging in the sandbox's slow answers, its legs claimed): nothing releases its
 * claims, and another poller takes the legs over once their lease lapses, storing every event once, within every
 * carrier's limit.
 */
class KilledPollerIT {

    static final CarrierSandbox sandbox = CarrierSandbox.shared();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int PARCELS = 6;
    static final String LEASE = "6s";

    JavaChild killed;
    ConfigurableApplicationContext survivor;

    @AfterEach
    void stop() {
        sandbox.noFaults();
        if (killed != null && killed.isAlive()) {
            killed.close();
        }
        if (survivor != null) {
            survivor.close();
        }
    }

    @Test
    void aPollerKilledMidCycleLosesNothingAndItsLegsArePolledByAnotherOnceTheLeaseLapses() throws Exception {
        String database = TestDatabases.fresh("killed-poller");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                TestDatabases.jdbcUrl(database),
                Services.postgres().user(),
                Services.postgres().password()));
        Parcels parcels = new Parcels(jdbc);
        long since = Instant.now().getEpochSecond();
        List<String> numbers = new ArrayList<>();
        for (List<String> legs : sandbox.finishedJourneys(
                "killed-" + UUID.randomUUID().toString().substring(0, 8), PARCELS, "sf-express", "cdek")) {
            parcels.shipment(
                    parcels.shippedOrder(parcels.shopper()),
                    "SEA",
                    new Parcels.Leg("INTERNATIONAL", "sf-express", legs.get(0)),
                    new Parcels.Leg("LAST_MILE", "cdek", legs.get(1)));
            numbers.addAll(legs);
        }
        // Every answer a minute late: the first poller's calls are still in flight when it is killed.
        sandbox.faults(0, 0, 1, "PT60S");

        killed = startPoller(database, sandbox.url());
        killed.awaitReady(
                () -> count(jdbc, "SELECT count(*) FROM shipment_legs WHERE poll_claim IS NOT NULL") == numbers.size()
                        && callsSince(since, "sf-express") > 0
                        && callsSince(since, "cdek-v2") > 0,
                Duration.ofSeconds(180));
        ProcessHandle process = ProcessHandle.of(killed.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        sandbox.noFaults();

        Map<Long, Instant> leasedUntil = jdbc
                .sql("SELECT id, next_poll_at FROM shipment_legs WHERE poll_claim IS NOT NULL")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(leasedUntil).as("legs still claimed by the killed poller").hasSize(numbers.size());
        assertThat(count(jdbc, "SELECT count(*) FROM tracking_events"))
                .as("events stored before the kill")
                .isZero();

        survivor = new SpringApplicationBuilder(TrackingPollerApplication.class)
                .run(PollerInstances.args(database, pollerOptions(sandbox.url()).toArray(String[]::new)));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(numbers)
                        .as("numbers with every event the sandbox shows stored")
                        .allMatch(number -> storedEvents(jdbc, number)
                                == sandboxEvents(number).size()));

        for (String number : numbers) {
            JsonNode journey = JSON.readTree(sandbox.send("GET", "/sandbox/journeys/" + number, null));
            assertThat(journey.path("eventsToCome").asInt())
                    .as("events to come for %s", number)
                    .isZero();
            assertThat(storedEvents(jdbc, number))
                    .as("events of %s, each stored once", number)
                    .isEqualTo(journey.path("events").size());
        }
        assertThat(count(jdbc, """
                        SELECT count(*) FROM shipments s
                        WHERE s.stage <> 'DELIVERED'
                          AND NOT EXISTS (SELECT 1 FROM shipment_legs l WHERE l.shipment_id = s.id AND l.status = 'EXCEPTION')
                        """))
                .as("journeys not at their end (delivered, or returned or lost as some sandbox journeys end)")
                .isZero();
        leasedUntil.forEach((leg, until) -> assertThat(jdbc.sql("SELECT last_polled_at FROM shipment_legs WHERE id = ?")
                        .params(leg)
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .as("leg %d polled again only after its lease lapsed", leg)
                .isAfterOrEqualTo(until));
        JsonNode calls = JSON.readTree(sandbox.send("GET", "/sandbox/carriers/calls?since=" + since, null));
        for (String api : List.of("sf-express", "cdek-v2")) {
            assertThat(calls.path(api).path("maxPerSecond").asInt())
                    .as("most calls in a second to %s", api)
                    .isLessThanOrEqualTo((int)
                            Math.floor(calls.path(api).path("limitPerSecond").asDouble()));
        }
    }

    private static JavaChild startPoller(String database, String sandboxUrl) throws IOException {
        List<String> args = new ArrayList<>(List.of(PollerInstances.args(database)));
        args.addAll(pollerOptions(sandboxUrl));
        // Longer than the sandbox's slow answers: the calls are in flight, not timed out, when the poller is killed.
        args.add("--silkway.carriers.sf-express.timeout=90s");
        args.add("--silkway.carriers.cdek.timeout=90s");
        Path state = Files.createTempDirectory("silkway-killed-poller-");
        return JavaChild.startJar("tracking-poller", state, jar(), List.of("-Xmx512m"), args);
    }

    private static List<String> pollerOptions(String sandboxUrl) {
        return List.of(
                "--silkway.carriers.track17.base-url=" + sandboxUrl + "/17track/track/v2.2",
                "--silkway.carriers.cdek.base-url=" + sandboxUrl + "/cdek/v2",
                "--silkway.carriers.sf-express.service-url=" + sandboxUrl + "/sf-express/std/service",
                "--silkway.carriers.russian-post.url=" + sandboxUrl + "/russian-post/rtm34",
                "--silkway.tracking.poll.cycle=200ms",
                "--silkway.tracking.poll.lease=" + LEASE,
                "--silkway.tracking.poll.schedule.early=500ms",
                "--silkway.tracking.poll.schedule.near=500ms",
                "--silkway.tracking.poll.schedule.normal=500ms",
                "--silkway.tracking.poll.schedule.sea=500ms",
                "--silkway.tracking.poll.schedule.first-failure=500ms",
                "--silkway.tracking.poll.schedule.max-backoff=2s");
    }

    static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target").toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("tracking-poller-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No tracking-poller jar: run ./mvnw -pl tracking-poller package"));
        }
    }

    private static long callsSince(long since, String api) {
        return JSON.readTree(sandbox.send("GET", "/sandbox/carriers/calls?since=" + since, null))
                .path(api)
                .path("calls")
                .asLong();
    }

    private static JsonNode sandboxEvents(String number) {
        return JSON.readTree(sandbox.send("GET", "/sandbox/journeys/" + number, null))
                .path("events");
    }

    private static int storedEvents(JdbcClient jdbc, String number) {
        return count(
                jdbc,
                "SELECT count(*) FROM tracking_events e JOIN shipment_legs l ON l.id = e.leg_id WHERE l.track_number = ?",
                number);
    }

    private static int count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
