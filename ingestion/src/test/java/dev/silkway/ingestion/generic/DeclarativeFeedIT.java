package dev.silkway.ingestion.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.StaffTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeclarativeFeedIT {

    static final String API_KEY = "sandbox-generic-key";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-declarative");
        ServiceProperties.kafka(registry);
        registry.add("silkway.sandbox.url", () -> SandboxProcess.shared().url());
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        registry.add("silkway.ingestion.raw-topic", () -> "silkway.raw-offers.declarative");
        registry.add("silkway.ingestion.chunk-size", () -> "100");
        registry.add(
                "silkway.ingestion.feed-secret-key",
                () -> Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()));
        // The sandbox is the one non-public address a feed may reach; the database and Kafka are listed too,
        // and stay refused: the stack's own services are never allowed.
        registry.add(
                "silkway.feeds.allowed-hosts",
                () -> String.join(
                        ",",
                        sandbox(),
                        "127.0.0.1:" + Services.postgres().port(),
                        "127.0.0.1:" + Services.kafka().port()));
        StaffTokens.register(registry);
    }

    static String sandbox() {
        return URI.create(SandboxProcess.shared().url()).getAuthority();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void declaresDryRunsEnablesAndIngestsAGenericJsonFeed() throws Exception {
        assertThat(readmeExample().path("auth").path("key").asString())
                .as("the README's example works with the sandbox's key")
                .isEqualTo(API_KEY);
        HttpResponse<String> declared = call("POST", "/api/v1/ops/marketplaces", declaration("acme", API_KEY));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        assertThat(declared.body())
                .contains("\"enabled\":false", "\"hasCredentials\":true")
                .doesNotContain(API_KEY);
        assertThat(call("POST", "/api/v1/ops/marketplaces", declaration("acme", API_KEY))
                        .statusCode())
                .isEqualTo(409);
        assertThat(call("GET", "/api/v1/ops/marketplaces", null).body())
                .contains("\"code\":\"acme\"")
                .doesNotContain(API_KEY);
        byte[] sealed =
                jdbc.queryForObject("SELECT feed_secret_enc FROM marketplaces WHERE code = 'acme'", byte[].class);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(API_KEY);

        HttpResponse<String> dryRun = call("POST", "/api/v1/ops/marketplaces/acme/dry-run", null);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode result = Json.read(dryRun.body());
        assertThat(result.path("items").size() + result.path("errors").size()).isGreaterThanOrEqualTo(50);
        assertThat(result.path("errors")).as("the sandbox's malformed records").isNotEmpty();
        JsonNode error = result.path("errors").get(0);
        assertThat(error.path("index").isInt()).isTrue();
        assertThat(error.path("reason").asString())
                .matches("(MISSING_PRICE|NEGATIVE_PRICE|WRONG_TYPE|OVERSIZED_TEXT|CONTROL_CHARACTERS|DUPLICATE_ID).*");
        JsonNode item = result.path("items").get(0);
        assertThat(item.path("externalId").asString()).isEqualTo("G00000000");
        assertThat(item.path("skus").get(0).path("priceMinor").asLong()).isPositive();
        assertThat(item.path("categoryPath").asString()).contains(" > ");
        assertThat(count("SELECT count(*) FROM products WHERE marketplace_code = 'acme'"))
                .as("a dry run stores nothing")
                .isZero();
        assertThat(count("SELECT count(*) FROM quarantined_records WHERE marketplace_code = 'acme'"))
                .isZero();

        HttpResponse<String> enabled =
                call("PATCH", "/api/v1/ops/marketplaces/acme", "{\"enabled\":true,\"schedule\":\"0/2 * * * * ?\"}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> count("SELECT count(*) FROM ingestion_fetch_runs WHERE marketplace_code = 'acme'"
                                + " AND status = 'COMPLETED'")
                        > 0);
        call("PATCH", "/api/v1/ops/marketplaces/acme", "{\"enabled\":false}");

        long execution = jdbc.queryForObject(
                "SELECT min(job_execution_id) FROM ingestion_fetch_runs WHERE marketplace_code = 'acme'"
                        + " AND status = 'COMPLETED'",
                Long.class);
        long products = count("SELECT count(*) FROM products WHERE marketplace_code = 'acme'");
        long rejected = count(
                "SELECT count(*) FROM quarantined_records WHERE marketplace_code = 'acme' AND job_execution_id = ?"
                        + " AND reason_code <> 'DUPLICATE_ID'",
                execution);
        assertThat(products).isGreaterThan(SandboxProcess.PRODUCTS * 8 / 10);
        assertThat(products + rejected).isEqualTo(SandboxProcess.PRODUCTS);
        assertThat(count("SELECT count(*) FROM skus s JOIN products p ON p.id = s.product_id"
                        + " WHERE p.marketplace_code = 'acme'"))
                .isGreaterThan(products);
    }

    @Test
    void rejectsAnInvalidDeclarationWithEveryField() throws Exception {
        HttpResponse<String> refused = call("POST", "/api/v1/ops/marketplaces", """
                {"code": "Bad Code", "name": "x", "protocol": "soap", "baseUrl": "ftp://x",
                 "auth": {"type": "api-key"},
                 "paging": {"type": "pages", "sizeParam": "size", "pageSize": 0},
                 "mapping": {"items": "data.items", "externalId": "$.id", "title": "$.title", "priceUnit": "cents"},
                 "schedule": "hourly"}
                """);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body())
                .contains(
                        "\"field\":\"code\"",
                        "\"field\":\"protocol\"",
                        "\"field\":\"baseUrl\"",
                        "\"field\":\"auth.header\"",
                        "\"field\":\"auth.key\"",
                        "\"field\":\"paging.type\"",
                        "\"field\":\"paging.pageSize\"",
                        "\"field\":\"mapping.items\"",
                        "\"field\":\"mapping.price\"",
                        "\"field\":\"mapping.priceUnit\"",
                        "\"field\":\"schedule\"");
    }

    @Test
    void aDryRunWithAWrongKeyReportsTheRefusedCredentials() throws Exception {
        assertThat(call("POST", "/api/v1/ops/marketplaces", declaration("wrong-key", "not-the-key"))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> dryRun = call("POST", "/api/v1/ops/marketplaces/wrong-key/dry-run", null);

        assertThat(dryRun.statusCode()).isEqualTo(502);
        assertThat(dryRun.body()).contains("HTTP 401").doesNotContain("not-the-key");
        assertThat(call("POST", "/api/v1/ops/marketplaces/nope/dry-run", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesABaseUrlInsideTheNetworkInEverySpelling() throws Exception {
        int port = URI.create(SandboxProcess.shared().url()).getPort();
        List<String> inside = List.of(
                "http://localhost:" + port,
                "http://LOCALHOST.:" + port,
                "http://2130706433:" + port,
                "http://0177.0.0.1:" + port,
                "http://0x7f000001:" + port,
                "http://127.0.0.2:" + port,
                "http://[::1]:" + port,
                "http://[::ffff:127.0.0.1]:" + port,
                "http://[::127.0.0.1]:" + port,
                "http://[64:ff9b::a9fe:a9fe]:" + port,
                "http://[fe80::1]:" + port,
                "http://[fd00::1]:" + port,
                "http://169.254.169.254",
                "http://10.0.0.1",
                "http://172.16.0.1",
                "http://192.168.0.1",
                "http://100.64.0.1",
                "http://0.0.0.0:" + port,
                "http://224.0.0.1",
                "http://127.0.0.1:" + Services.postgres().port(),
                "http://[::1]:" + Services.postgres().port(),
                "http://127.0.0.1:" + Services.kafka().port(),
                "http://127.0.0.1:" + this.port);

        for (String base : inside) {
            HttpResponse<String> refused = call(
                    "POST",
                    "/api/v1/ops/marketplaces",
                    declaration("inside", "k", base + "/generic/v1/items", "X-Api-Key"));

            assertThat(refused.statusCode()).as(base + ": " + refused.body()).isEqualTo(400);
            assertThat(Json.read(refused.body()).path("errors"))
                    .as(base)
                    .extracting(e -> e.path("field").asString())
                    .containsExactly("baseUrl");
        }
        assertThat(count("SELECT count(*) FROM marketplaces WHERE code = 'inside'"))
                .isZero();
    }

    @Test
    void refusesHeaderNamesThatReachTheHostCookiesMetadataOrTheConnection() throws Exception {
        for (String header : List.of(
                "Host",
                "cookie",
                "Metadata-Flavor",
                "X-aws-ec2-metadata-token",
                "X-aws-ec2-metadata-token-ttl-seconds",
                "Transfer-Encoding",
                "Connection",
                "Proxy-Authorization")) {
            HttpResponse<String> refused = call(
                    "POST",
                    "/api/v1/ops/marketplaces",
                    declaration("headers", "k", SandboxProcess.shared().url() + "/generic/v1/items", header));

            assertThat(refused.statusCode()).as(header).isEqualTo(400);
            assertThat(refused.body()).as(header).contains("\"field\":\"auth.header\"");
        }
    }

    @Test
    void refusesAtEveryFetchAFeedWhoseAddressIsNoLongerAllowed() throws Exception {
        assertThat(call("POST", "/api/v1/ops/marketplaces", declaration("moved", API_KEY))
                        .statusCode())
                .isEqualTo(201);
        // As if its DNS name now answered 127.0.0.1: the host is not on the allow-list.
        int port = URI.create(SandboxProcess.shared().url()).getPort();
        jdbc.update(
                "UPDATE marketplaces SET feed_definition = jsonb_set(feed_definition, '{baseUrl}', to_jsonb(?::text)),"
                        + " version = version + 1 WHERE code = 'moved'",
                "http://localhost:" + port + "/generic/v1/items");

        HttpResponse<String> dryRun = call("POST", "/api/v1/ops/marketplaces/moved/dry-run", null);

        assertThat(dryRun.statusCode()).isEqualTo(502);
        assertThat(dryRun.body()).contains("address is refused", "loopback");

        call("PATCH", "/api/v1/ops/marketplaces/moved", "{\"enabled\":true,\"schedule\":\"0/2 * * * * ?\"}");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM ingestion_fetch_runs WHERE marketplace_code = 'moved'"
                                + " AND status = 'FAILED'")
                        > 0);
        call("PATCH", "/api/v1/ops/marketplaces/moved", "{\"enabled\":false}");
        assertThat(jdbc.queryForObject(
                        "SELECT error_message FROM ingestion_fetch_runs WHERE marketplace_code = 'moved'"
                                + " AND status = 'FAILED' LIMIT 1",
                        String.class))
                .contains("address is refused");
        assertThat(count("SELECT count(*) FROM products WHERE marketplace_code = 'moved'"))
                .isZero();
    }

    /** The README's worked example ("Declaring a feed"), pointed at this test's sandbox. */
    private String declaration(String code, String key) {
        String readmeUrl = readmeExample().path("baseUrl").asString();
        assertThat(readmeUrl).startsWith("http://127.0.0.1:8090/");
        return declaration(
                code,
                key,
                readmeUrl.replace(
                        "http://127.0.0.1:8090", SandboxProcess.shared().url()),
                "X-Api-Key");
    }

    private String declaration(String code, String key, String baseUrl, String header) {
        ObjectNode declaration = readmeExample();
        declaration.put("code", code).put("baseUrl", baseUrl);
        ((ObjectNode) declaration.get("auth")).put("header", header).put("key", key);
        return declaration.toString();
    }

    static ObjectNode readmeExample() {
        try {
            String readme = Files.readString(Path.of("..", "README.md"));
            int marker = readme.indexOf("<!-- declared-feed-example -->");
            assertThat(marker).as("the README's worked example").isPositive();
            int start = readme.indexOf("```json\n", marker) + "```json\n".length();
            return (ObjectNode) Json.read(readme.substring(start, readme.indexOf("```", start)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + StaffTokens.forNewAccount(jdbc.getDataSource(), "ADMIN"))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
