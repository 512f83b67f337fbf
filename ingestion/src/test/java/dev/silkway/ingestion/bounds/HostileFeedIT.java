package dev.silkway.ingestion.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import dev.silkway.testsupport.ActuatorProbe;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ingestion application as a child JVM with a 256 MB heap, on a fresh database and the test Kafka, ingesting
 * feeds an admin declared through the ops API against {@link HostileFeedServer} in this JVM: a 8 GiB answer, a
 * trickled one, endless paging, HTML, a redirect, and a page mixing good and hostile records. Each hostile run ends
 * FAILED with its reason within its bounds, a well-behaved feed running beside them completes, and the application
 * stays up and healthy.
 */
class HostileFeedIT {

    static HostileFeedServer hostile;
    static JdbcTemplate jdbc;
    static JavaChild app;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        hostile = new HostileFeedServer();
        String database = TestDatabases.fresh("ingestion-hostile");
        String url = TestDatabases.jdbcUrl(database);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url, Services.postgres().user(), Services.postgres().password()));
        jdbc.update("UPDATE marketplaces SET enabled = false");
        port = Ports.free();
        List<String> args = List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Services.postgres().user(),
                "--spring.datasource.password=" + Services.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + Services.kafka().bootstrapServers(),
                "--silkway.sandbox.url=http://127.0.0.1:9",
                "--silkway.security.jwks-uri=" + StaffTokens.jwksUri(),
                "--silkway.ingestion.ingest-on-startup=false",
                "--silkway.ingestion.raw-topic=silkway.raw-offers.hostile-" + System.nanoTime(),
                "--silkway.ingestion.feed-secret-key="
                        + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()),
                "--silkway.feeds.allowed-hosts=" + hostile.hostAndPort(),
                "--silkway.ingestion.bounds.record-max-chars=20000",
                "--silkway.ingestion.bounds.record-max-depth=8",
                "--silkway.ingestion.bounds.record-max-array-length=50");
        Path state = Files.createTempDirectory("silkway-ingestion-hostile-");
        app = JavaChild.startJar("ingestion", state, jar(), List.of("-Xmx256m"), args);
        app.awaitReady(new ActuatorProbe(port)::isUp, Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (hostile != null) {
            hostile.close();
        }
    }

    @Test
    void everyHostileFeedEndsItsRunFailedWithItsReasonWhileAWellBehavedFeedCompletes() throws Exception {
        declare("huge", "/huge", "");
        declare("trickle", "/trickle", ", \"limits\": {\"answerTimeoutSeconds\": 2}");
        declare("endless", "/endless", ", \"limits\": {\"maxPages\": 5}");
        declare("html", "/html", "");
        declare("redirect", "/redirect", "");
        declare("calm", "/calm", "");

        for (String feed : List.of("huge", "trickle", "endless", "html", "redirect", "calm")) {
            run(feed);
        }

        await().atMost(Duration.ofMinutes(3)).until(() -> status("calm").equals("COMPLETED"));
        assertThat(count("SELECT count(*) FROM products WHERE marketplace_code = 'calm'"))
                .as("the well-behaved feed, run beside the hostile ones, is ingested whole")
                .isEqualTo(HostileFeedServer.CALM_PRODUCTS);
        await().atMost(Duration.ofMinutes(3))
                .until(() -> List.of("huge", "trickle", "endless", "html", "redirect").stream()
                        .allMatch(feed -> status(feed).equals("FAILED")));

        assertThat(error("huge")).contains("larger than 16777216 bytes");
        await().atMost(Duration.ofSeconds(30)).until(() -> hostile.ended("/huge"));
        assertThat(hostile.hugeBytesWritten())
                .as("the 8 GiB answer was cut off near its 16 MiB cap")
                .isLessThan(1L << 30);
        assertThat(error("trickle")).contains("did not arrive in full within 2 s");
        assertThat(error("endless")).contains("after 5 pages");
        assertThat(jdbc.queryForMap("SELECT pages_fetched, records_published, checkpoint FROM ingestion_fetch_runs"
                        + " WHERE marketplace_code = 'endless'"))
                .as("the endless feed stopped at its bound with its checkpoint kept")
                .containsEntry("pages_fetched", 5)
                .containsEntry("records_published", (long) 5 * HostileFeedServer.PAGE_SIZE)
                .containsEntry("checkpoint", "6");
        assertThat(error("html")).contains("not JSON").doesNotContain("Welcome");
        assertThat(error("redirect")).contains("HTTP 302", "not followed");
        assertThat(hostile.hits("/redirect-target"))
                .as("the redirect was not followed")
                .isZero();

        assertThat(app.isAlive()).isTrue();
        assertThat(new ActuatorProbe(port).isUp()).isTrue();
    }

    @Test
    void aMixedPageKeepsItsGoodRecordsAndQuarantinesEachHostileOneWithItsReason() throws Exception {
        declare("mixed", "/mixed", "");

        run("mixed");

        await().atMost(Duration.ofMinutes(2)).until(() -> status("mixed").equals("COMPLETED"));
        assertThat(count("SELECT count(*) FROM products WHERE marketplace_code = 'mixed'"))
                .isEqualTo(HostileFeedServer.MIXED_GOOD);
        List<Map<String, Object>> quarantined = jdbc.queryForList(
                "SELECT external_id, reason_code FROM quarantined_records WHERE marketplace_code = 'mixed'"
                        + " ORDER BY external_id");
        assertThat(quarantined)
                .extracting(row -> row.get("external_id") + " " + row.get("reason_code"))
                .contains("deep NESTED_TOO_DEEP", "large RECORD_TOO_LARGE", "wide ARRAY_TOO_LONG")
                .hasSize(4);
        assertThat(app.isAlive()).isTrue();
    }

    private static void declare(String code, String path, String limits) throws Exception {
        String body = """
                {"code": "%s", "name": "Hostile %s", "protocol": "generic-json", "baseUrl": "%s%s",
                 "auth": {"type": "none"},
                 "paging": {"type": "page", "pageParam": "page", "sizeParam": "size", "pageSize": %d},
                 "mapping": {"items": "$.items", "externalId": "$.id", "title": "$.title", "price": "$.price",
                             "priceUnit": "yuan"},
                 "schedule": "0 0 3 1 1 ?"%s}
                """.formatted(code, code, hostile.url(), path, HostileFeedServer.PAGE_SIZE, limits);
        assertThat(call("POST", "/api/v1/ops/marketplaces", body).statusCode()).isEqualTo(201);
        HttpResponse<String> enabled = call("PATCH", "/api/v1/ops/marketplaces/" + code, "{\"enabled\":true}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
    }

    private static void run(String code) throws Exception {
        HttpResponse<String> started = call("POST", "/api/v1/ops/jobs/ingest-" + code + "/runs", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    }

    private static String status(String code) {
        List<String> statuses = jdbc.queryForList(
                "SELECT status FROM ingestion_fetch_runs WHERE marketplace_code = ? ORDER BY id DESC LIMIT 1",
                String.class,
                code);
        return statuses.isEmpty() ? "NONE" : statuses.getFirst();
    }

    private static String error(String code) {
        return jdbc.queryForObject(
                "SELECT error_message FROM ingestion_fetch_runs WHERE marketplace_code = ? ORDER BY id DESC LIMIT 1",
                String.class,
                code);
    }

    private static long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + StaffTokens.forNewAccount(jdbc.getDataSource(), "ADMIN"))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target").toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("ingestion-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No ingestion jar: run ./mvnw -pl ingestion package"));
        }
    }
}
