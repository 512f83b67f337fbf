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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ingestion application as a child JVM stopped as the local runner and an orchestrator stop it, with SIGTERM,
 * while two runs are under way: one in {@code fetch} (JD, paced to a few pages a second), one in {@code normalize}
 * (Pinduoduo). Both executions end STOPPED (not FAILED, not UNKNOWN) with their checkpoint saved, their runs stay
 * claimed, and the next start resumes them from there to COMPLETED with every record merged exactly once.
 */
class GracefulShutdownIT {

    static final int PRODUCTS = 4000;
    static final String FETCHING = "jd";
    static final String NORMALIZING = "pinduoduo";

    static SandboxProcess sandbox;
    static JdbcTemplate jdbc;
    static List<String> args;
    static JavaChild app;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = SandboxProcess.start(List.of(
                "--silkway.sandbox.products-per-marketplace=" + PRODUCTS,
                "--silkway.sandbox.generation=1",
                "--silkway.sandbox.rate-limit-per-second=100000",
                "--silkway.sandbox.faults.rate-limit=0",
                "--silkway.sandbox.faults.server-error=0",
                "--silkway.sandbox.faults.slow=0",
                "--silkway.sandbox.faults.malformed=0.02"));
        String url = TestDatabases.jdbcUrl(TestDatabases.fresh("ingestion-shutdown"));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url, Services.postgres().user(), Services.postgres().password()));
        jdbc.update(
                "UPDATE marketplaces SET enabled = (code IN (?, ?)), schedule = '0 0 3 1 1 ?'", FETCHING, NORMALIZING);
        args = List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Services.postgres().user(),
                "--spring.datasource.password=" + Services.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + Services.kafka().bootstrapServers(),
                "--silkway.sandbox.url=" + sandbox.url(),
                "--silkway.security.jwks-uri=" + StaffTokens.jwksUri(),
                "--silkway.ingestion.ingest-on-startup=false",
                "--silkway.ingestion.raw-topic=silkway.raw-offers.shutdown-" + System.nanoTime(),
                "--silkway.ingestion.chunk-size=50",
                "--silkway.ingestion.resume-initial-delay=1s",
                "--silkway.marketplaces.jd.transport.rate-limit-per-second=4",
                "--silkway.marketplaces.pinduoduo.transport.rate-limit-per-second=1000",
                "--silkway.marketplaces.pinduoduo.transport.rate-limit-burst=100");
        app = startApp();
    }

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
    void aSigtermStopsRunningRunsAtTheirCheckpointAndTheNextStartCompletesThemExactlyOnce() throws Exception {
        Run fetching = startRun(FETCHING);
        Run normalizing = startRun(NORMALIZING);
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> normalizeCommits(normalizing.executionId()) >= 10);
        assertThat(stepStatus(fetching.executionId(), "fetch")).isEqualTo("STARTED");

        ProcessHandle stopped = ProcessHandle.of(app.pid()).orElseThrow();
        assertThat(stopped.destroy()).isTrue(); // SIGTERM
        stopped.onExit().get(90, TimeUnit.SECONDS);

        assertThat(executionStatus(fetching.executionId())).isEqualTo("STOPPED");
        assertThat(stepStatus(fetching.executionId(), "fetch")).isEqualTo("STOPPED");
        assertThat(stepContext(fetching.executionId(), "fetch"))
                .as("the page cursor is kept")
                .containsKey("fetch.cursor");
        assertThat(executionStatus(normalizing.executionId())).isEqualTo("STOPPED");
        assertThat(stepStatus(normalizing.executionId(), "normalize")).isEqualTo("STOPPED");
        assertThat(stepContext(normalizing.executionId(), "normalize"))
                .as("the positions of the last committed chunk are kept")
                .containsKey("normalize.positions");
        for (Run run : List.of(fetching, normalizing)) {
            assertThat(runStatus(run.runId())).as("still claimed for a resume").isEqualTo("RUNNING");
        }
        long published = count("SELECT records_published FROM ingestion_fetch_runs WHERE id = ?", normalizing.runId());
        long mergedBeforeStop = count(
                "SELECT read_count FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'normalize'",
                normalizing.executionId());
        assertThat(mergedBeforeStop).isPositive().isLessThan(published);

        app = startApp();
        await().atMost(Duration.ofMinutes(5))
                .until(() -> "COMPLETED".equals(runStatus(fetching.runId()))
                        && "COMPLETED".equals(runStatus(normalizing.runId())));

        long resumed = count("SELECT job_execution_id FROM ingestion_fetch_runs WHERE id = ?", normalizing.runId());
        assertThat(resumed).isNotEqualTo(normalizing.executionId());
        assertThat(count(
                        "SELECT read_count FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'normalize'",
                        resumed))
                .as("the resumed normalize starts after the last chunk committed before the stop")
                .isEqualTo(published - mergedBeforeStop);
        assertThat(count(
                        "SELECT count(*) FROM batch_step_execution s JOIN ingestion_fetch_runs r"
                                + " ON r.job_execution_id = s.job_execution_id WHERE r.id = ? AND s.step_name = 'fetch'",
                        fetching.runId()))
                .as("the resumed JD run fetched on from its cursor")
                .isOne();
        for (Run run : List.of(fetching, normalizing)) {
            assertThat(count(
                            "SELECT sum(s.read_count) FROM batch_step_execution s JOIN batch_job_execution_params p"
                                    + " ON p.job_execution_id = s.job_execution_id AND p.parameter_name = 'runId'"
                                    + " WHERE p.parameter_value = ? AND s.step_name = 'normalize'",
                            Long.toString(run.runId())))
                    .as("every record the run published is normalized once, across the stop")
                    .isEqualTo(count("SELECT records_published FROM ingestion_fetch_runs WHERE id = ?", run.runId()));
        }
        for (String feed : List.of(FETCHING, NORMALIZING)) {
            long products = count("SELECT count(*) FROM products WHERE marketplace_code = ?", feed);
            long rejected = count(
                    "SELECT count(DISTINCT (kafka_partition, kafka_offset)) FROM quarantined_records"
                            + " WHERE marketplace_code = ? AND reason_code <> 'DUPLICATE_ID'",
                    feed);
            assertThat(products + rejected)
                    .as("every %s item is a product or quarantined", feed)
                    .isEqualTo(PRODUCTS);
            assertThat(count("SELECT count(*) FROM quarantined_records WHERE marketplace_code = ?", feed))
                    .as("no %s record quarantined twice", feed)
                    .isEqualTo(count(
                            "SELECT count(DISTINCT (kafka_partition, kafka_offset)) FROM quarantined_records"
                                    + " WHERE marketplace_code = ?",
                            feed));
            assertThat(count("SELECT records_published FROM ingestion_fetch_runs WHERE marketplace_code = ?", feed))
                    .as("no %s page fetched twice: each item published once, and each duplicate on its page", feed)
                    .isEqualTo(PRODUCTS
                            + count(
                                    "SELECT count(*) FROM quarantined_records WHERE marketplace_code = ?"
                                            + " AND reason_code = 'DUPLICATE_ID'",
                                    feed));
            assertThat(count(
                            "SELECT count(*) FROM outbox_events WHERE aggregate_type = 'product'"
                                    + " AND payload ->> 'marketplace' = ? AND payload ->> 'created' = 'true'",
                            feed))
                    .as("one creation event per %s product", feed)
                    .isEqualTo(products);
        }
    }

    private record Run(long runId, long executionId) {}

    private static Run startRun(String feed) throws Exception {
        Map<String, Object> started =
                Json.MAPPER.readValue(post("/api/v1/ops/jobs/ingest-" + feed + "/runs", 202), Map.class);
        return new Run(((Number) started.get("runId")).longValue(), ((Number) started.get("executionId")).longValue());
    }

    private static JavaChild startApp() {
        port = Ports.free();
        List<String> withPort = new ArrayList<>(args);
        withPort.add("--server.port=" + port);
        try {
            JavaChild child = JavaChild.startJar(
                    "ingestion",
                    Files.createTempDirectory("silkway-ingestion-"),
                    CrashRecoveryIT.jar(),
                    List.of("-Xmx768m"),
                    withPort);
            child.awaitReady(new ActuatorProbe(port)::isUp, Duration.ofSeconds(180));
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long normalizeCommits(long execution) {
        List<Long> commits = jdbc.queryForList(
                "SELECT commit_count FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'normalize'",
                Long.class,
                execution);
        return commits.isEmpty() ? 0 : commits.getFirst();
    }

    private static String executionStatus(long execution) {
        return jdbc.queryForObject(
                "SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class, execution);
    }

    private static String stepStatus(long execution, String step) {
        return jdbc.queryForObject(
                "SELECT status FROM batch_step_execution WHERE job_execution_id = ? AND step_name = ?",
                String.class,
                execution,
                step);
    }

    private static Map<String, Object> stepContext(long execution, String step) throws IOException {
        String serialized = jdbc.queryForObject(
                "SELECT coalesce(c.serialized_context, c.short_context) FROM batch_step_execution_context c JOIN batch_step_execution s"
                        + " ON s.step_execution_id = c.step_execution_id WHERE s.job_execution_id = ?"
                        + " AND s.step_name = ?",
                String.class,
                execution,
                step);
        return new DefaultExecutionContextSerializer()
                .deserialize(new ByteArrayInputStream(serialized.getBytes(StandardCharsets.UTF_8)));
    }

    private static String runStatus(long runId) {
        return jdbc.queryForObject("SELECT status FROM ingestion_fetch_runs WHERE id = ?", String.class, runId);
    }

    private static long count(String sql, Object... params) {
        return jdbc.queryForObject(sql, Long.class, params);
    }

    private static String post(String path, int expected) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header(
                                "Authorization",
                                "Bearer " + StaffTokens.forNewAccount(jdbc.getDataSource(), "OPERATOR"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }
}
