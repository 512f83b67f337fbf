package dev.silkway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
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
 * the storefront's are checked against a JWKS served over HTTP, and the ops API needs OPERATOR or ADMIN.
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

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();
    private static final HttpServer JWKS = serve(KEY);
    private static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add(
                "silkway.security.jwks-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void anOperatorAndAnAdminReachTheOpsApi() throws Exception {
        assertThat(get("/api/v1/ops/ping", token(KEY, "silkway-storefront", List.of("OPERATOR"))))
                .isEqualTo(200);
        assertThat(get("/api/v1/ops/ping", token(KEY, "silkway-storefront", List.of("ADMIN", "SHOPPER"))))
                .isEqualTo(200);
    }

    @Test
    void aShopperGets403OnTheOpsApi() throws Exception {
        assertThat(get("/api/v1/ops/ping", token(KEY, "silkway-storefront", List.of("SHOPPER"))))
                .isEqualTo(403);
    }

    @Test
    void missingForgedOrForeignTokensAre401() throws Exception {
        assertThat(get("/api/v1/ops/ping", null)).isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", token(OTHER_KEY, "silkway-storefront", List.of("ADMIN"))))
                .isEqualTo(401);
        assertThat(get("/api/v1/ops/ping", token(KEY, "someone-else", List.of("ADMIN"))))
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

    private static String token(RSAKey key, String issuer, List<String> roles) throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("8c7a1f3e-2f4e-4b43-9a51-7a0f4b0c9d11")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(900)))
                .claim("roles", roles)
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
