package dev.silkway.tracking.poll;

import static dev.silkway.tracking.Parcels.event;
import static dev.silkway.tracking.Parcels.leg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import dev.silkway.tracking.Parcels;
import dev.silkway.tracking.ScriptedCarrier;
import dev.silkway.tracking.TrackingPollerApplication;
import dev.silkway.tracking.carrier.CarrierApi;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two poller instances on one database, as two deployments would run: they share each carrier API's
 * rate limit, never claim the same legs, and a poller frozen or stopped mid-cycle loses nothing and
 * doubles nothing.
 */
class TwoPollersIT {

    static final int LIMIT = 4;

    String database;
    JdbcClient jdbc;
    Parcels parcels;
    final List<ConfigurableApplicationContext> pollers = new ArrayList<>();
    final Instant t0 = Instant.now().minus(Duration.ofDays(3));

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh("two-pollers");
        jdbc = JdbcClient.create(new DriverManagerDataSource(
                TestDatabases.jdbcUrl(database),
                Services.postgres().user(),
                Services.postgres().password()));
        parcels = new Parcels(jdbc);
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoPollersTogetherNeverExceedTheCarriersLimitAndUseItWhileWorkIsDue() {
        ScriptedCarrier sf = new ScriptedCarrier("sf-express", 5, LIMIT);
        List<String> numbers = handOver(800, sf);
        List<ConfigurableApplicationContext> both = List.of(poller(sf), poller(sf));
        Instant started = Instant.now();
        // Besides the clustered trigger (whose fires go to whichever instance takes them), both instances run
        // cycles at the same time all along: their reservations contend for the same seconds.
        List<Thread> contenders = both.stream()
                .map(poller -> Thread.ofVirtual().start(() -> {
                    ProducerTemplate camel = poller.getBean(ProducerTemplate.class);
                    while (Instant.now().isBefore(started.plusSeconds(12))) {
                        camel.sendBody(PollRoutes.routeUri("sf-express"), "sf-express");
                        dev.silkway.platform.pacing.Sleeper.SYSTEM.sleep(
                                Duration.ofMillis(100)); // pacing the fires, not waiting for an outcome
                    }
                }))
                .toList();

        await().atMost(Duration.ofSeconds(60)).until(() -> contenders.stream().noneMatch(Thread::isAlive));

        Map<Long, Integer> calls = sf.callsEachSecond();
        assertThat(calls.values()).as("calls in every second").allMatch(n -> n <= LIMIT);
        long first = started.getEpochSecond() + 3;
        long last = Instant.now().getEpochSecond() - 1;
        int used = 0;
        for (long second = first; second < last; second++) {
            used += calls.getOrDefault(second, 0);
        }
        assertThat(used).as("calls used while work was due").isGreaterThanOrEqualTo((int)
                Math.ceil(0.9 * LIMIT * (last - first)));
        assertThat(jdbc.sql("SELECT count(DISTINCT instance) FROM carrier_poll_runs WHERE calls > 0")
                        .query(Integer.class)
                        .single())
                .as("instances that made calls")
                .isEqualTo(2);
        // Every number the carrier answered gets its one event once the calls still in flight are recorded.
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT count(*) FROM tracking_events")
                                .query(Integer.class)
                                .single())
                        .as("events, one per number polled")
                        .isEqualTo((int) numbers.stream()
                                .filter(n -> sf.timesTracked(n) > 0)
                                .count()));
    }

    @Test
    void aPollerFrozenMidCallLosesNothingAndDoublesNothing() throws Exception {
        ScriptedCarrier frozen = new ScriptedCarrier("sf-express", 5, LIMIT);
        ScriptedCarrier live = new ScriptedCarrier("sf-express", 5, LIMIT);
        frozen.holdCalls();
        List<String> numbers = handOver(10, frozen, live);
        ConfigurableApplicationContext frozenPoller = poller(frozen);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed() == numbers.size());
        // Frozen: it fires nothing more, its calls hang, its claims stay in the database until their lease ends.
        frozenPoller.getBean(Scheduler.class).standby();

        poller(live);
        await().atMost(Duration.ofSeconds(30)).until(() -> polled() == numbers.size());
        frozen.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> numbers.stream().allMatch(n -> frozen.timesTracked(n) == 1));

        assertThat(jdbc.sql("SELECT count(*) FROM tracking_events")
                        .query(Integer.class)
                        .single())
                .isEqualTo(numbers.size());
        assertThat(numbers).allMatch(n -> live.timesTracked(n) >= 1);
    }

    @Test
    void aPollerStoppedMidCallGivesItsClaimsBackAtOnce() {
        ScriptedCarrier frozen = new ScriptedCarrier("sf-express", 5, LIMIT);
        frozen.holdCalls();
        List<String> numbers = handOver(10, frozen);
        ConfigurableApplicationContext poller = poller(frozen);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed() == numbers.size());

        poller.close();

        assertThat(claimed()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM shipment_legs WHERE next_poll_at <= now()")
                        .query(Integer.class)
                        .single())
                .isEqualTo(numbers.size());
    }

    private List<String> handOver(int count, ScriptedCarrier... carriers) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Parcels.Shipment shipment = parcels.shipment(
                    parcels.shippedOrder(parcels.shopper()), "EXPRESS", leg("INTERNATIONAL", "sf-express"));
            String number = jdbc.sql("SELECT track_number FROM shipment_legs WHERE id = ?")
                    .params(shipment.legIds().getFirst())
                    .query(String.class)
                    .single();
            for (ScriptedCarrier carrier : carriers) {
                carrier.script(number, List.of(event(t0, TrackingStatus.IN_TRANSIT, null, "30", "Shenzhen")));
            }
            numbers.add(number);
        }
        return numbers;
    }

    private int claimed() {
        return jdbc.sql("SELECT count(*) FROM shipment_legs WHERE poll_claim IS NOT NULL")
                .query(Integer.class)
                .single();
    }

    private int polled() {
        return jdbc.sql("SELECT count(*) FROM shipment_legs WHERE last_polled_at IS NOT NULL AND poll_claim IS NULL")
                .query(Integer.class)
                .single();
    }

    private ConfigurableApplicationContext poller(CarrierApi carrier) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TrackingPollerApplication.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx)
                        .registerBean(CarrierApi.class, () -> carrier, definition -> definition.setPrimary(true)))
                .run(PollerInstances.args(
                        database,
                        "--silkway.tracking.poll.cycle=200ms",
                        "--silkway.tracking.poll.lease=2s",
                        "--silkway.tracking.poll.schedule.early=1s",
                        "--silkway.tracking.poll.schedule.normal=1s",
                        "--silkway.tracking.poll.schedule.near=1s"));
        pollers.add(context);
        return context;
    }
}
