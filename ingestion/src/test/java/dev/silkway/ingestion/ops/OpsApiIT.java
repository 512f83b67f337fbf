package dev.silkway.ingestion.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.ServiceProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsApiIT {

    static final String USER = "operator";
    static final String PASSWORD = "a-long-test-password";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-ops");
        ServiceProperties.kafka(registry);
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        registry.add("silkway.ingestion.ops.username", () -> USER);
        registry.add("silkway.ingestion.ops.password", () -> PASSWORD);
        registry.add("silkway.ingestion.ops.role", () -> "OPERATOR");
    }

    @LocalServerPort
    int port;

    @Test
    void refusesTheOpsApiWithoutACredential() throws Exception {
        assertThat(call("GET", "/api/v1/ops/jobs", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void listsEveryScheduledJobWithItsCronAndNextFireTime() throws Exception {
        HttpResponse<String> jobs = call("GET", "/api/v1/ops/jobs", null, true);

        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body())
                .contains("\"name\":\"ingest-taobao\"", "\"cron\":\"0 0 * * * ?\"", "\"name\":\"exchange-rates\"")
                .contains("\"nextFireTime\":\"");
    }

    @Test
    void reschedulesAJobAtOnce() throws Exception {
        HttpResponse<String> changed =
                call("PUT", "/api/v1/ops/jobs/ingest-jd/schedule", "{\"cron\":\"0 5 3 * * ?\"}", true);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"cron\":\"0 5 3 * * ?\"");
        assertThat(call("GET", "/api/v1/ops/marketplaces", null, true).body()).contains("\"schedule\":\"0 5 3 * * ?\"");
    }

    @Test
    void rejectsAnInvalidCronAsProblemDetailsWithTheField() throws Exception {
        HttpResponse<String> refused =
                call("PUT", "/api/v1/ops/jobs/ingest-jd/schedule", "{\"cron\":\"every minute\"}", true);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"errors\":[{\"field\":\"cron\"");
    }

    @Test
    void rejectsAMissingCronWithItsField() throws Exception {
        HttpResponse<String> refused = call("PUT", "/api/v1/ops/jobs/ingest-jd/schedule", "{}", true);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"cron\"");
    }

    @Test
    void answers404ProblemForAnUnknownJobOrExecution() throws Exception {
        assertThat(call("PUT", "/api/v1/ops/jobs/nope/schedule", "{\"cron\":\"0 0 * * * ?\"}", true)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> missing = call("GET", "/api/v1/ops/executions/999999", null, true);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"status\":404");
    }

    @Test
    void rejectsInvalidPagingAndStatusFilters() throws Exception {
        HttpResponse<String> refused = call("GET", "/api/v1/ops/executions?status=BOGUS&size=0", null, true);

        assertThat(refused.statusCode()).isEqualTo(400);
        HttpResponse<String> quarantine = call("GET", "/api/v1/ops/quarantine?size=1000", null, true);
        assertThat(quarantine.statusCode()).isEqualTo(400);
        assertThat(quarantine.body()).contains("\"field\":\"size\"");
    }

    @Test
    void listsQuarantineAndUnmappedCategoriesAsPages() throws Exception {
        assertThat(call("GET", "/api/v1/ops/quarantine?marketplace=taobao", null, true)
                        .body())
                .contains("\"items\":[]", "\"total\":0");
        assertThat(call("GET", "/api/v1/ops/categories/unmapped", null, true).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> call(String method, String path, String body, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
