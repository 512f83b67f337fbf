package dev.silkway.ingestion.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import dev.silkway.testsupport.ActuatorProbe;
import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.StaffTokens;
import dev.silkway.testsupport.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two ingestion applications (child JVMs of the app's jar) on one database, a feed scheduled every 3 seconds: each
 * fire of the clustered trigger runs once on one of them, never on both, and a feed never has two RUNNING runs.
 */
class TwoInstancesIT {

    static final String FEED = "pinduoduo";
    static final List<JavaChild> apps = new ArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        apps.forEach(JavaChild::close);
    }

    @Test
    void twoInstancesNeverRunTheSameScheduleTwice() throws Exception {
        String url = TestDatabases.jdbcUrl(TestDatabases.fresh("ingestion-two"));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url, Services.postgres().user(), Services.postgres().password()));
        jdbc.update("UPDATE marketplaces SET enabled = false");
        jdbc.update("UPDATE ingestion_job_schedules SET enabled = false");
        List<String> args = List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Services.postgres().user(),
                "--spring.datasource.password=" + Services.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + Services.kafka().bootstrapServers(),
                "--silkway.sandbox.url=" + SandboxProcess.shared().url(),
                "--silkway.security.jwks-uri=" + StaffTokens.jwksUri(),
                "--silkway.ingestion.ingest-on-startup=false",
                "--silkway.ingestion.raw-topic=silkway.raw-offers.two-" + System.nanoTime(),
                "--silkway.marketplaces.pinduoduo.transport.rate-limit-per-second=1000");
        int first = start(args);
        start(args);

        HttpResponse<String> enabled = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first + "/api/v1/ops/marketplaces/" + FEED))
                        .header("Authorization", "Bearer " + StaffTokens.forNewAccount(jdbc.getDataSource(), "ADMIN"))
                        .header("Content-Type", "application/json")
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"enabled\":true,\"schedule\":\"0/3 * * * * ?\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);

        AtomicLong mostRunning = new AtomicLong();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    mostRunning.accumulateAndGet(
                            count(jdbc, "SELECT count(*) FROM ingestion_fetch_runs WHERE status = 'RUNNING'"),
                            Math::max);
                    return count(jdbc, "SELECT count(*) FROM ingestion_fetch_runs WHERE status = 'COMPLETED'") >= 8;
                });
        jdbc.update("UPDATE marketplaces SET enabled = false");

        assertThat(mostRunning.get()).isLessThanOrEqualTo(1);
        assertThat(count(jdbc, "SELECT count(*) FROM ingestion_fetch_runs WHERE trigger <> 'SCHEDULE'"))
                .isZero();
        assertThat(count(
                        jdbc,
                        "SELECT count(*) FROM ingestion_fetch_runs a JOIN ingestion_fetch_runs b ON a.id < b.id"
                                + " AND a.started_at < b.finished_at AND b.started_at < a.finished_at"))
                .as("no two runs of the feed overlapped, on either instance")
                .isZero();
        // A fire delayed by a long run may start right before the next one (runs need not sit in distinct
        // 3-second slots), and the first run itself may start up to a period after its fire (a node that
        // did not schedule the trigger sees it on its next acquisition), so the fires the cron produced are
        // counted from one period before the first start to the last start. Two instances running the same
        // fire would add runs beyond that.
        assertThat(count(jdbc, "SELECT count(*) FROM ingestion_fetch_runs"))
                .as("no more runs than the trigger fired")
                .isLessThanOrEqualTo(count(
                        jdbc,
                        "SELECT floor(extract(epoch FROM max(started_at) - min(started_at)) / 3)::bigint + 2"
                                + " FROM ingestion_fetch_runs"));
        assertThat(count(
                        jdbc,
                        "SELECT count(*) FROM batch_job_execution e JOIN batch_job_execution_params p"
                                + " ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'runId'"))
                .as("one execution per run")
                .isEqualTo(count(jdbc, "SELECT count(*) FROM ingestion_fetch_runs"));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static int start(List<String> args) {
        int port = Ports.free();
        List<String> withPort = new ArrayList<>(args);
        withPort.add("--server.port=" + port);
        try {
            JavaChild child = JavaChild.startJar(
                    "ingestion-" + apps.size(),
                    Files.createTempDirectory("silkway-ingestion-"),
                    CrashRecoveryIT.jar(),
                    List.of("-Xmx512m"),
                    withPort);
            apps.add(child);
            child.awaitReady(new ActuatorProbe(port)::isUp, Duration.ofSeconds(180));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
