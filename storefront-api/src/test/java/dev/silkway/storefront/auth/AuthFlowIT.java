package dev.silkway.storefront.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthFlowIT extends StorefrontIntegrationTest {

    @Test
    void registersWithNormalizedEmailAndRefusesTheSameEmailInAnotherCase() {
        String email = Shoppers.uniqueEmail();
        var created = api.post(
                "/api/v1/auth/register",
                Api.registration("  " + email.toUpperCase() + " ", "Иван Петров", "8 (916) 555-12-34"),
                null);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("email")).isEqualTo(email);
        assertThat(created.text("phone")).isEqualTo("+79165551234");
        assertThat(created.text("id")).isNotBlank();

        var again = api.post("/api/v1/auth/register", Api.registration(email, "Someone Else", "+79165550000"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesShortCommonAndEmailEqualPasswordsWithOneErrorPerField() {
        String email = Shoppers.uniqueEmail();
        for (String password : new String[] {"short-1", "password123", "qwertyuiop", email}) {
            Map<String, Object> body = new HashMap<>(Api.registration(email, "Иван Петров", "+79165551111"));
            body.put("password", password);
            var refused = api.post("/api/v1/auth/register", body, null);
            assertThat(refused.status()).as(password).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsString("field"))
                    .contains("password");
        }
    }

    @Test
    void refusesAPhoneThatIsNotE164AndAnInvalidEmail() {
        var refused = api.post("/api/v1/auth/register", Api.registration("not-an-email", "Иван", "12-34"), null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains("email", "phone");
    }

    @Test
    void signsInWithShortLivedAccessTokenAndOpaqueRefreshToken() {
        var session = Shoppers.signUp(api);
        var login =
                api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", Shoppers.PASSWORD), null);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.text("accessToken").split("\\.")).hasSize(3);
        assertThat(login.text("refreshToken")).doesNotContain(".");
        assertThat(api.get("/api/v1/me", login.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void refreshRotatesTheTokenAndTheOldOneStopsWorking() {
        var session = Shoppers.signUp(api);

        var rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null);
        assertThat(rotated.status()).isEqualTo(200);
        String next = rotated.text("refreshToken");
        assertThat(next).isNotEqualTo(session.refreshToken());
        assertThat(api.get("/api/v1/me", rotated.text("accessToken")).status()).isEqualTo(200);

        var second = api.post("/api/v1/auth/refresh", Map.of("refreshToken", next), null);
        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void presentingAUsedRefreshTokenRevokesTheWholeFamily() {
        var session = Shoppers.signUp(api);
        String next = api.post("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null)
                .text("refreshToken");

        var replay = api.post("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null);
        assertThat(replay.status()).isEqualTo(401);

        var legitimate = api.post("/api/v1/auth/refresh", Map.of("refreshToken", next), null);
        assertThat(legitimate.status())
                .as("the newest token of the family is revoked too")
                .isEqualTo(401);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoke_reason = 'REUSE_DETECTED'")
                        .param(session.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void logoutEndsTheAccessTokenAtOnceAndLeavesOtherSessionsAlone() {
        var session = Shoppers.signUp(api);
        var elsewhere = Shoppers.signIn(api, session.email(), Shoppers.PASSWORD);
        assertThat(api.get("/api/v1/me", session.accessToken()).status())
                .as("checked and kept")
                .isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", session.refreshToken()), null)
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/me", session.accessToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", elsewhere.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void aSessionEndedElsewhereIsRefusedOnceTheDatabaseHasToldThisInstance() {
        var session = Shoppers.signUp(api);
        assertThat(api.get("/api/v1/me", session.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", session.accessToken()).status()).isEqualTo(200);

        // what another instance's logout writes: this instance learns it from the database's notification only
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = 'LOGOUT' WHERE user_id = ?")
                .param(session.id())
                .update();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/v1/me", session.accessToken()).status() == 401);
    }

    @Test
    void aShoppersTokenIsMeantForTheStorefrontOnlyAndAStaffTokenForEveryApplication() {
        var shopper = Shoppers.signUp(api);
        var admin = admin();

        assertThat(audiences(shopper.accessToken())).contains("storefront-api").doesNotContain("ingestion");
        assertThat(audiences(admin.accessToken()))
                .isEqualTo("[\"storefront-api\",\"ingestion\",\"search-indexer\",\"tracking-poller\"]");
    }

    private static String audiences(String token) {
        return Api.json
                .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                .path("aud")
                .toString();
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        var session = Shoppers.signUp(api);

        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", session.refreshToken()), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void unknownEmailAndWrongPasswordAnswerTheSame() {
        var session = Shoppers.signUp(api);

        var wrongPassword =
                api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", "Wrong-Password-99"), null);
        var unknownEmail = api.post(
                "/api/v1/auth/login", Map.of("email", Shoppers.uniqueEmail(), "password", "Wrong-Password-99"), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void unknownEmailTakesAsLongAsAWrongPassword() {
        var session = Shoppers.signUp(api);
        long known = 0;
        long unknown = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", "Wrong-Password-" + i), null);
            long t1 = System.nanoTime();
            api.post(
                    "/api/v1/auth/login",
                    Map.of("email", Shoppers.uniqueEmail(), "password", "Wrong-Password-" + i),
                    null);
            long t2 = System.nanoTime();
            known += t1 - t0;
            unknown += t2 - t1;
        }
        assertThat((double) unknown / known)
                .as("Argon2 runs for unknown emails too")
                .isBetween(0.5, 2.0);
    }

    @Test
    void locksTheAccountAfterFiveFailuresEvenForTheRightPassword() {
        var session = Shoppers.signUp(api);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(
                                    "/api/v1/auth/login",
                                    Map.of("email", session.email(), "password", "Wrong-Password-" + i),
                                    null)
                            .status())
                    .isEqualTo(401);
        }

        var locked =
                api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", Shoppers.PASSWORD), null);

        assertThat(locked.status()).isEqualTo(423);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(locked.contentType()).startsWith("application/problem+json");

        clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", Shoppers.PASSWORD), null)
                        .status())
                .as("the lockout ends")
                .isEqualTo(200);
    }

    @Test
    void publishesTheSigningKeyAsJwks() {
        var jwks = api.get("/.well-known/jwks.json", null);

        assertThat(jwks.status()).isEqualTo(200);
        var key = jwks.json().path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("never the private part").isFalse();
        assertThat(key.path("kid").asString()).isNotBlank();
    }

    @Test
    void aForgedOrMissingTokenIs401ProblemJson() {
        var missing = api.get("/api/v1/me", null);
        var forged = api.get("/api/v1/me", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersWithSecurityHeaders() {
        var response = api.get("/api/v1/me", null);

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Strict-Transport-Security"))
                .as("HSTS only over TLS")
                .isNull();
    }
}
