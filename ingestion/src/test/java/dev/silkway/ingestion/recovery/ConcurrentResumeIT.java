package dev.silkway.ingestion.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.ingestion.marketplace.offer.Json;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Four feeds running in the ingestion application (a child JVM of its jar) when it is killed with SIGKILL: started
 * again, it resumes the four runs at the same moment, and every one completes; none fails on the job repository
 * (a serialization failure or deadlock between the resumes' step creations).
 */
class ConcurrentResumeIT {

    static final List<String> FEEDS = List.of("taobao", "jd", "1688", "pinduoduo");
    static final HttpClient http = HttpClient.newHttpClient();

    static SandboxProcess sandbox;
    static JavaChild app;

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void runsResumedAtOnceAfterAKillAllComplete() throws Exception {
        sandbox = SandboxProcess.start(List.of(
                "--silkway.sandbox.products-per-marketplace=1500",
                "--silkway.sandbox.generation=1",
                "--silkway.sandbox.rate-limit-per-second=100000",
                "--silkway.sandbox.faults.rate-limit=0",
                "--silkway.sandbox.faults.server-error=0",
                "--silkway.sandbox.faults.slow=0"));
        String url = TestDatabases.jdbcUrl(TestDatabases.fresh("ingestion-resume"));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url, Services.postgres().user(), Services.postgres().password()));
        // Enabled (an operator may only run an enabled feed), scheduled once a year: runs only when the test starts
        // them.
        jdbc.update("UPDATE marketplaces SET enabled = (code = ANY (?)), schedule = '0 0 3 1 1 ?'", (Object)
                FEEDS.toArray(String[]::new));
        jdbc.update("UPDATE ingestion_job_schedules SET enabled = false");
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Services.postgres().user(),
                "--spring.datasource.password=" + Services.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + Services.kafka().bootstrapServers(),
                "--silkway.sandbox.url=" + sandbox.url(),
                "--silkway.security.jwks-uri=" + StaffTokens.jwksUri(),
                "--silkway.ingestion.ingest-on-startup=false",
                "--silkway.ingestion.raw-topic=silkway.raw-offers.resume-" + System.nanoTime(),
                "--silkway.ingestion.chunk-size=50",
                "--silkway.ingestion.stale-after=4s",
                "--silkway.ingestion.heartbeat-interval=1s",
                "--silkway.ingestion.resume-initial-delay=1s"));
        for (String connector : List.of("taobao", "jd", "alibaba1688", "pinduoduo")) {
            args.add("--silkway.marketplaces." + connector + ".rate-limit-per-second=1000");
            args.add("--silkway.marketplaces." + connector + ".rate-limit-burst=100");
        }
        int port = startApp(args);
        List<Long> runs = new ArrayList<>();
        for (String feed : FEEDS) {
            runs.add(startRun(port, jdbc, feed));
        }
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> runs.stream().allMatch(run -> stepsStarted(jdbc, run) > 0));

        List<Long> killedExecutions =
                jdbc.queryForList("SELECT job_execution_id FROM ingestion_fetch_runs ORDER BY id", Long.class);
        ProcessHandle killed = ProcessHandle.of(app.pid()).orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get(30, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM ingestion_fetch_runs WHERE status = 'RUNNING'", Long.class))
                .as("every run was in progress when the application died")
                .isEqualTo(FEEDS.size());

        startApp(args);
        await().atMost(Duration.ofMinutes(6))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM ingestion_fetch_runs WHERE status <> 'RUNNING'", Long.class)
                        == FEEDS.size());

        assertThat(jdbc.queryForList(
                        "SELECT marketplace_code || ': ' || status || ' ' || coalesce(error_message, '')"
                                + " FROM ingestion_fetch_runs ORDER BY id",
                        String.class))
                .allSatisfy(run -> assertThat(run).contains("COMPLETED"));
        List<String> resumed = jdbc.queryForList(
                "SELECT job_execution_id || ' ' || status || ' ' || coalesce(exit_message, '')"
                        + " FROM batch_job_execution WHERE job_execution_id <> ALL (?::bigint[])",
                String.class,
                (Object) killedExecutions.toArray(Long[]::new));
        assertThat(resumed)
                .as("one resumed execution per run, none failed")
                .hasSize(FEEDS.size())
                .allSatisfy(execution -> assertThat(execution).contains("COMPLETED"));
    }

    private static long startRun(int port, JdbcTemplate jdbc, String feed) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/ops/jobs/ingest-" + feed + "/runs"))
                        .header(
                                "Authorization",
                                "Bearer " + StaffTokens.forNewAccount(jdbc.getDataSource(), "OPERATOR"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ((Number) Json.MAPPER.readValue(response.body(), Map.class).get("runId")).longValue();
    }

    private static long stepsStarted(JdbcTemplate jdbc, long run) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM batch_step_execution s JOIN ingestion_fetch_runs r"
                        + " ON r.job_execution_id = s.job_execution_id WHERE r.id = ? AND s.status = 'STARTED'",
                Long.class,
                run);
    }

    private static int startApp(List<String> args) {
        int port = Ports.free();
        List<String> withPort = new ArrayList<>(args);
        withPort.add("--server.port=" + port);
        try {
            app = JavaChild.startJar(
                    "ingestion",
                    Files.createTempDirectory("silkway-ingestion-"),
                    CrashRecoveryIT.jar(),
                    List.of("-Xmx768m"),
                    withPort);
            app.awaitReady(new ActuatorProbe(port)::isUp, Duration.ofSeconds(180));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
