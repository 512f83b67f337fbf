package dev.silkway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.testsupport.ActuatorProbe;
import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.StaffTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with the resource-server starter, the database and nothing else of its own: tokens signed like
 * the storefront's are checked against a JWKS served over HTTP, the ops API needs OPERATOR or ADMIN, and the
 * account behind a token must still be active in the database.
 */
@SpringBootTest(
        classes = ResourceServerIT.OpsApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "management.endpoints.web.exposure.include=health",
            "spring.application.name=ingestion"
        })
class ResourceServerIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "resource-server");
        StaffTokens.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource database;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorAndAnAdminReachTheOpsApi() throws Exception {
        assertThat(get("/api/v1/ops/ping", StaffTokens.forNewAccount(database, "OPERATOR")))
                .isEqualTo(200);
        assertThat(get("/api/v1/ops/ping", StaffTokens.forNewAccount(database, "ADMIN", "SHOPPER")))
                .isEqualTo(200);
    }

    @Test
    void aShopperGets403OnTheOpsApi() throws Exception {
        assertThat(get("/api/v1/ops/ping", StaffTokens.forNewAccount(database, "SHOPPER")))
                .isEqualTo(403);
    }

    @Test
    void missingForgedOrForeignTokensAre401() throws Exception {
        UUID admin = StaffTokens.createAccount(database, "ADMIN");
        assertThat(get("/api/v1/ops/ping", null)).isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", StaffTokens.forged("ADMIN"))).isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", StaffTokens.fromIssuer("someone-else", admin, "ADMIN")))
                .isEqualTo(401);
    }

    @Test
    void aBlockedAccountsTokenIsRefusedAtOnce() throws Exception {
        UUID operator = StaffTokens.createAccount(database, "OPERATOR");
        String token = StaffTokens.token(operator, "OPERATOR");
        assertThat(get("/api/v1/ops/ping", token)).isEqualTo(200);

        jdbc.sql("UPDATE users SET status = 'BLOCKED', blocked_at = now(), blocked_reason = 'test' WHERE id = ?")
                .param(operator)
                .update();

        assertThat(get("/api/v1/ops/ping", token)).isEqualTo(401);
    }

    @Test
    void aTokenIssuedBeforeTheSessionsWereRevokedIsRefusedAndANewerOneAccepted() throws Exception {
        UUID admin = StaffTokens.createAccount(database, "ADMIN");
        String before = StaffTokens.token(admin, "ADMIN");
        // On a millisecond boundary after the first token (tokens carry their issue time in milliseconds).
        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        jdbc.sql("UPDATE users SET sessions_revoked_at = ? WHERE id = ?")
                .params(Timestamp.from(revokedAt), admin)
                .update();
        await().until(() -> !Instant.now().isBefore(revokedAt));
        String after = StaffTokens.token(admin, "ADMIN");

        assertThat(get("/api/v1/ops/ping", before)).isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", after)).isEqualTo(200);
    }

    @Test
    void aTokenOfAnAccountThatDoesNotExistIsRefused() throws Exception {
        assertThat(get("/api/v1/ops/ping", StaffTokens.token(UUID.randomUUID(), "ADMIN")))
                .isEqualTo(401);
    }

    @Test
    void aTokenWithoutThisApplicationsAudienceIsRefused() throws Exception {
        assertThat(get("/api/v1/ops/ping", StaffTokens.forAudiences(database, List.of("storefront-api"), "ADMIN")))
                .isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", StaffTokens.forAudiences(database, List.of("ingestion"), "ADMIN")))
                .isEqualTo(200);
    }

    @Test
    void aTokenIsRefusedAtOnceWhenTheAccountsRolesChange() throws Exception {
        UUID operator = StaffTokens.createAccount(database, "OPERATOR");
        String token = StaffTokens.token(operator, "OPERATOR");
        assertThat(get("/api/v1/ops/ping", token)).isEqualTo(200);

        jdbc.sql("UPDATE user_roles SET role_code = 'SHOPPER' WHERE user_id = ?")
                .param(operator)
                .update();

        assertThat(get("/api/v1/ops/ping", token)).isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", StaffTokens.token(operator, "SHOPPER")))
                .isEqualTo(403);
    }

    @Test
    void healthAnswersOnlyItsStatusWithoutACredentialAndItsComponentsToStaff() {
        var probe = new ActuatorProbe(port);
        probe.assertHealthShowsOnlyItsStatus();
        probe.withToken(StaffTokens.forNewAccount(database, "OPERATOR")).assertHealthy("db", "databaseRole");
        assertThat(probe.withToken(StaffTokens.forNewAccount(database, "SHOPPER"))
                        .get("/actuator/health")
                        .body())
                .doesNotContain("components");
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
