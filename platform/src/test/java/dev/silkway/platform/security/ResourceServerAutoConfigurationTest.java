package dev.silkway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.OpsTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with the resource-server starter and nothing else of its own: tokens signed like
 * the storefront's are checked against a JWKS served over HTTP ({@link OpsTokens}), and the ops API
 * needs OPERATOR or ADMIN.
 */
@SpringBootTest(
        classes = ResourceServerAutoConfigurationTest.OpsApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "management.endpoints.web.exposure.include=health"
        })
class ResourceServerAutoConfigurationTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        OpsTokens.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anOperatorAndAnAdminReachTheOpsApi() throws Exception {
        assertThat(get("/api/v1/ops/ping", OpsTokens.operator())).isEqualTo(200);
        assertThat(get("/api/v1/ops/ping", OpsTokens.token(List.of("ADMIN", "SHOPPER"))))
                .isEqualTo(200);
    }

    @Test
    void aShopperGets403OnTheOpsApi() throws Exception {
        assertThat(get("/api/v1/ops/ping", OpsTokens.shopper())).isEqualTo(403);
    }

    @Test
    void missingForgedOrForeignTokensAre401() throws Exception {
        assertThat(get("/api/v1/ops/ping", null)).isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", OpsTokens.signedByAForeignKey(List.of("ADMIN"))))
                .isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", OpsTokens.issuedBy("someone-else", List.of("ADMIN"))))
                .isEqualTo(401);
    }

    @Test
    void healthStaysOpen() throws Exception {
        assertThat(get("/actuator/health", null)).isEqualTo(200);
    }

    private int get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @SpringBootApplication
    @RestController
    static class OpsApp {
        @GetMapping("/api/v1/ops/ping")
        String ping() {
            return "pong";
        }
    }
}
