package dev.silkway.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FuzzingIT extends StorefrontIntegrationTest {

    @Test
    void brokenJsonIs400ProblemJson() {
        assertClientError(
                api.send("POST", "/api/v1/auth/login", "{\"email\": \"a@b.ru\", ", null, "application/json"), 400);
        assertClientError(api.send("POST", "/api/v1/auth/login", "not json at all", null, "application/json"), 400);
        assertClientError(api.send("POST", "/api/v1/auth/login", "", null, "application/json"), 400);
    }

    @Test
    void unknownFieldsAreRefused() {
        Map<String, Object> body =
                new HashMap<>(Api.registration(Shoppers.uniqueEmail(), "Иван", Shoppers.uniquePhone()));
        body.put("roles", new String[] {"ADMIN"});

        assertClientError(api.post("/api/v1/auth/register", body, null), 400);
    }

    @Test
    void wrongTypesAreRefused() {
        assertClientError(
                api.send(
                        "POST", "/api/v1/auth/login", "{\"email\": 42, \"password\": [1,2]}", null, "application/json"),
                400);
        assertClientError(api.send("POST", "/api/v1/auth/login", "[1, 2, 3]", null, "application/json"), 400);
        var shopper = Shoppers.signUp(api);
        assertClientError(api.get("/api/v1/me/addresses/not-a-uuid", shopper.accessToken()), 400);
        assertClientError(api.get("/api/v1/me/orders?page=minus-one", shopper.accessToken()), 400);
        assertClientError(api.get("/api/v1/me/orders?size=100000", shopper.accessToken()), 400);
    }

    @Test
    void oversizedBodiesAndOneMegabyteStringsAre413() {
        String megabyte = "x".repeat(1024 * 1024);
        assertClientError(api.post("/api/v1/auth/login", Map.of("email", megabyte, "password", "p"), null), 413);
        assertClientError(
                api.send("POST", "/api/v1/auth/register", "{\"email\":\"" + megabyte, null, "application/json"), 413);
    }

    @Test
    void longStringsWithinTheBodyLimitAreValidationErrors() {
        Map<String, Object> body =
                new HashMap<>(Api.registration(Shoppers.uniqueEmail(), "Я".repeat(10_000), Shoppers.uniquePhone()));
        var refused = api.post("/api/v1/auth/register", body, null);

        assertClientError(refused, 400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains("fullName");
    }

    @Test
    void sqlAndScriptFragmentsAreStoredAsPlainDataNeverExecuted() {
        String name = "Robert'); DROP TABLE users; -- <script>alert(1)</script>";
        String email = Shoppers.uniqueEmail();
        var created = api.post("/api/v1/auth/register", Api.registration(email, name, Shoppers.uniquePhone()), null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("fullName")).isEqualTo(name);

        assertClientError(
                api.post("/api/v1/auth/login", Map.of("email", "' OR '1'='1", "password", "' OR '1'='1"), null), 401);
        var admin = admin();
        var search = api.get(
                "/api/v1/admin/users?q="
                        + java.net.URLEncoder.encode("zz' OR 1=1 --", java.nio.charset.StandardCharsets.UTF_8),
                admin.accessToken());
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("total").asLong()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
                .isPositive();
    }

    @Test
    void wrongMediaTypesAndMethodsAreProblemJson() {
        assertClientError(
                api.send("POST", "/api/v1/auth/login", "email=a", null, "application/x-www-form-urlencoded"), 415);
        assertClientError(api.send("POST", "/api/v1/auth/login", "<xml/>", null, "application/xml"), 415);
        assertClientError(api.get("/api/v1/auth/login", null), 405);
    }

    @Test
    void aPathNoEndpointAnswersIsA404ThatSaysSo() {
        var response = api.get("/api/v1/search?q=x", null);

        assertClientError(response, 404);
        assertThat(response.body())
                .contains("No endpoint answers GET /api/v1/search")
                .doesNotContain("static");
    }

    private static void assertClientError(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("tools.jackson")
                .doesNotContain("org.springframework");
    }
}
