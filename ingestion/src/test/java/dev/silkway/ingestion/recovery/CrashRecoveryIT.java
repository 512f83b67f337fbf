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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ingestion application as a child JVM (its own jar) on a fresh database, the test Kafka and a sandbox with a
 * larger catalogue: killed with SIGKILL in the middle of {@code normalize} and started again, the run resumes from
 * its checkpoint and completes with every record merged exactly once; a run failed by the marketplace restarts
 * through the ops API to COMPLETED.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    static final int PRODUCTS = 8000;
    static final String FEED = "pinduoduo";

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
        String database = TestDatabases.fresh("ingestion-crash");
        String url = TestDatabases.jdbcUrl(database);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url, Services.postgres().user(), Services.postgres().password()));
        jdbc.update("UPDATE marketplaces SET enabled = (code = ?), schedule = '0 0 3 1 1 ?'", FEED);
        args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Services.postgres().user(),
                "--spring.datasource.password=" + Services.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + Services.kafka().bootstrapServers(),
                "--silkway.sandbox.url=" + sandbox.url(),
                "--silkway.security.jwks-uri=" + StaffTokens.jwksUri(),
                "--silkway.ingestion.ingest-on-startup=false",
                "--silkway.ingestion.raw-topic=silkway.raw-offers.crash-" + System.nanoTime(),
                "--silkway.ingestion.chunk-size=50",
                "--silkway.ingestion.stale-after=4s",
                "--silkway.ingestion.heartbeat-interval=1s",
                "--silkway.ingestion.resume-initial-delay=1s",
                "--silkway.marketplaces.pinduoduo.transport.rate-limit-per-second=1000",
                "--silkway.marketplaces.pinduoduo.transport.rate-limit-burst=100"));
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
    @Order(1)
    void aKilledRunResumesFromItsCheckpointWithNothingLostOrDoubled() throws Exception {
        Map<String, Object> started =
                Json.MAPPER.readValue(post("/api/v1/ops/jobs/ingest-" + FEED + "/runs", 202), Map.class);
        long runId = ((Number) started.get("runId")).longValue();
        long firstExecution = ((Number) started.get("executionId")).longValue();

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> normalizeCommits(firstExecution) >= 10);
        ProcessHandle killed = ProcessHandle.of(app.pid()).orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(jdbc.queryForObject(
                        "SELECT status FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'normalize'",
                        String.class,
                        firstExecution))
                .as("killed in the middle of normalize")
                .isEqualTo("STARTED");
        long publishedBeforeCrash = jdbc.queryForObject(
                "SELECT records_published FROM ingestion_fetch_runs WHERE id = ?", Long.class, runId);
        long mergedBeforeCrash = jdbc.queryForObject(
                "SELECT read_count FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'normalize'",
                Long.class,
                firstExecution);
        assertThat(mergedBeforeCrash).isPositive().isLessThan(publishedBeforeCrash);

        app = startApp();
        await().atMost(Duration.ofMinutes(4))
                .until(() -> "COMPLETED"
                        .equals(jdbc.queryForObject(
                                "SELECT status FROM ingestion_fetch_runs WHERE id = ?", String.class, runId)));

        long resumed = jdbc.queryForObject(
                "SELECT job_execution_id FROM ingestion_fetch_runs WHERE id = ?", Long.class, runId);
        assertThat(resumed).isNotEqualTo(firstExecution);
        assertThat(jdbc.queryForObject(
                        "SELECT read_count FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'normalize'",
                        Long.class,
                        resumed))
                .as("the resumed normalize starts after the last committed chunk")
                .isEqualTo(publishedBeforeCrash - mergedBeforeCrash);
        long products = count("SELECT count(*) FROM products WHERE marketplace_code = ?", FEED);
        long rejected = count(
                "SELECT count(DISTINCT (kafka_partition, kafka_offset)) FROM quarantined_records WHERE marketplace_code = ?"
                        + " AND reason_code <> 'DUPLICATE_ID'",
                FEED);
        assertThat(products + rejected)
                .as("every catalogue item is a product or quarantined")
                .isEqualTo(PRODUCTS);
        assertThat(count("SELECT count(*) FROM quarantined_records WHERE marketplace_code = ?", FEED))
                .as("no record quarantined twice")
                .isEqualTo(count(
                        "SELECT count(DISTINCT (kafka_partition, kafka_offset)) FROM quarantined_records"
                                + " WHERE marketplace_code = ?",
                        FEED));
        assertThat(count("SELECT count(*) FROM outbox_events WHERE aggregate_type = 'product'"))
                .as("one event per product, no chunk merged twice, and one per product the translate step translated")
                .isEqualTo(products
                        + count(
                                "SELECT count(*) FROM products WHERE marketplace_code = ?"
                                        + " AND title_ru_source_md5 IS NOT NULL",
                                FEED));
        assertThat(count("SELECT count(DISTINCT aggregate_id) FROM outbox_events WHERE aggregate_type = 'product'"))
                .isEqualTo(products);
    }

    @Test
    @Order(2)
    void aRunFailedByTheMarketplaceRestartsToCompleted() throws Exception {
        faults("{\"rateLimit\":0,\"serverError\":1,\"slow\":0,\"slowDelay\":\"PT0S\",\"malformed\":0.02}");
        long failed;
        try {
            Map<String, Object> started =
                    Json.MAPPER.readValue(post("/api/v1/ops/jobs/ingest-" + FEED + "/runs", 202), Map.class);
            failed = ((Number) started.get("executionId")).longValue();
            await().atMost(Duration.ofMinutes(2)).until(() -> "FAILED".equals(executionStatus(failed)));
        } finally {
            faults("{\"rateLimit\":0,\"serverError\":0,\"slow\":0,\"slowDelay\":\"PT0S\",\"malformed\":0.02}");
        }

        Map<String, Object> restarted =
                Json.MAPPER.readValue(post("/api/v1/ops/executions/" + failed + "/restart", 202), Map.class);
        long again = ((Number) restarted.get("executionId")).longValue();

        assertThat(again).isNotEqualTo(failed);
        await().atMost(Duration.ofMinutes(4)).until(() -> "COMPLETED".equals(executionStatus(again)));
        assertThat(post("/api/v1/ops/executions/" + again + "/restart", 409)).contains("only a failed one restarts");
    }

    private static JavaChild startApp() {
        port = Ports.free();
        List<String> withPort = new ArrayList<>(args);
        withPort.add("--server.port=" + port);
        try {
            Path state = Files.createTempDirectory("silkway-ingestion-");
            JavaChild child = JavaChild.startJar("ingestion", state, jar(), List.of("-Xmx768m"), withPort);
            child.awaitReady(new ActuatorProbe(port)::isUp, Duration.ofSeconds(180));
            return child;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target").toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("ingestion-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No ingestion jar: run ./mvnw -pl ingestion package"));
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

    private static void faults(String rates) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(sandbox.url() + "/sandbox/admin/faults"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(rates))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
