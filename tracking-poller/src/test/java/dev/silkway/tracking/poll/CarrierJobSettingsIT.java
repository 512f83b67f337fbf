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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The carrier jobs as the ops API changes them (ingestion writes carrier_job_settings and carrier_job_run_requests):
 * the poller's trigger follows the cron set, keeps it across a restart and goes back to its interval without one; a
 * run asked for makes the carrier's open legs due and polls them in the run it names.
 */
class CarrierJobSettingsIT {

    static final String CRON = "0/7 * * * * ?";

    JdbcClient jdbc;
    String database;
    Parcels parcels;
    final List<ConfigurableApplicationContext> pollers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh("carrier-jobs");
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
    void theCarriersTriggerFollowsTheCronSetKeepsItAcrossARestartAndGoesBackToItsIntervalWithoutOne() throws Exception {
        ScriptedCarrier sf = new ScriptedCarrier("sf-express", 5, 4);
        ConfigurableApplicationContext first = poller(sf, "1s");
        assertThat(trigger(first))
                .isInstanceOfSatisfying(
                        SimpleTrigger.class,
                        t -> assertThat(t.getRepeatInterval()).isEqualTo(1000));

        jdbc.sql("INSERT INTO carrier_job_settings (api, cron, updated_by) VALUES ('sf-express', ?, 'an-admin')")
                .params(CRON)
                .update();
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions() // read while the poller replaces the trigger
                .until(() -> trigger(first) instanceof CronTrigger cron
                        && cron.getCronExpression().equals(CRON));
        Instant declared = trigger(first).getStartTime().toInstant();
        first.close();
        pollers.remove(first);

        ConfigurableApplicationContext second = poller(sf, "1s");
        assertThat(trigger(second))
                .as("the trigger after a restart: the cron set, left as it was")
                .isInstanceOfSatisfying(CronTrigger.class, t -> {
                    assertThat(t.getCronExpression()).isEqualTo(CRON);
                    assertThat(t.getStartTime().toInstant()).isEqualTo(declared);
                });

        jdbc.sql("DELETE FROM carrier_job_settings").update();
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions() // read while the poller replaces the trigger
                .until(() -> trigger(second) instanceof SimpleTrigger simple && simple.getRepeatInterval() == 1000);
    }

    @Test
    void aRunAskedForMakesTheCarriersOpenLegsDueAndPollsThemInTheRunItNames() {
        ScriptedCarrier sf = new ScriptedCarrier("sf-express", 5, 4);
        Instant t0 = Instant.now().minus(Duration.ofDays(3));
        List<Long> legs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Parcels.Shipment shipment = parcels.shipment(
                    parcels.shippedOrder(parcels.shopper()), "EXPRESS", leg("INTERNATIONAL", "sf-express"));
            legs.add(shipment.legIds().getFirst());
            String number = jdbc.sql("SELECT track_number FROM shipment_legs WHERE id = ?")
                    .params(shipment.legIds().getFirst())
                    .query(String.class)
                    .single();
            sf.script(number, List.of(event(t0, TrackingStatus.IN_TRANSIT, null, "30", "Shenzhen")));
        }
        jdbc.sql("UPDATE shipment_legs SET next_poll_at = now() + interval '1 day'")
                .update();
        // On a cron that does not fire for years (applied at start): only the run asked for polls.
        jdbc.sql("INSERT INTO carrier_job_settings (api, cron) VALUES ('sf-express', '0 0 0 1 1 ? 2099')")
                .update();
        poller(sf, "1s");

        long request = jdbc.sql(
                        "INSERT INTO carrier_job_run_requests (api, requested_by) VALUES ('sf-express', 'an-operator') RETURNING id")
                .query(Long.class)
                .single();

        long run = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql(
                                        "SELECT poll_run_id FROM carrier_job_run_requests WHERE id = ? AND poll_run_id IS NOT NULL")
                                .params(request)
                                .query(Long.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT numbers FROM carrier_poll_runs WHERE id = ?")
                                .params(run)
                                .query(Integer.class)
                                .single()
                        == legs.size());
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM shipment_legs WHERE last_polled_at IS NOT NULL AND poll_claim IS NULL")
                        .query(Integer.class)
                        .single())
                .isEqualTo(legs.size());
        assertThat(jdbc.sql("SELECT count(*) FROM tracking_events")
                        .query(Integer.class)
                        .single())
                .isEqualTo(legs.size());
        assertThat(jdbc.sql("SELECT count(*) FROM carrier_poll_runs WHERE numbers > 0")
                        .query(Integer.class)
                        .single())
                .as("runs that polled")
                .isEqualTo(1);
    }

    private static Trigger trigger(ConfigurableApplicationContext poller) throws Exception {
        return poller.getBean(Scheduler.class).getTrigger(TriggerKey.triggerKey("poll-sf-express", "tracking"));
    }

    private ConfigurableApplicationContext poller(CarrierApi carrier, String cycle) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TrackingPollerApplication.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx)
                        .registerBean(CarrierApi.class, () -> carrier, definition -> definition.setPrimary(true)))
                .run(PollerInstances.args(
                        database,
                        "--silkway.tracking.poll.cycle=" + cycle,
                        "--silkway.tracking.poll.settings-every=200ms",
                        "--silkway.tracking.poll.schedule.normal=1h"));
        pollers.add(context);
        return context;
    }
}
