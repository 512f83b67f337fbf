package dev.silkway.storefront.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import dev.silkway.storefront.TestMail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AdminIT extends StorefrontIntegrationTest {

    @Test
    void theFirstAdminComesFromTheEnvironment() {
        var admin = admin();

        assertThat(api.get("/api/v1/me", admin.accessToken())
                        .json()
                        .path("roles")
                        .toString())
                .contains("ADMIN");
    }

    @Test
    void aShopperGets403OnEveryAdminEndpoint() {
        var shopper = Shoppers.signUp(api);
        var victim = Shoppers.signUp(api);

        assertThat(api.get("/api/v1/admin/users", shopper.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/admin/users/" + victim.id() + "/block",
                                Map.of("reason", "x"),
                                shopper.accessToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/users/" + victim.id() + "/unblock", null, shopper.accessToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/users/" + victim.id() + "/password-reset", null, shopper.accessToken())
                        .status())
                .isEqualTo(403);
        var auditLog = api.get("/api/v1/admin/audit-log", shopper.accessToken());
        assertThat(auditLog.status()).isEqualTo(403);
        assertThat(auditLog.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/admin/users", null).status()).isEqualTo(401);
    }

    @Test
    void findsUsersByExactEmailExactPhoneNamePrefixAndStatus() {
        String email = Shoppers.uniqueEmail();
        String phone = Shoppers.uniquePhone();
        String surname = "Зайцева" + (System.nanoTime() % 1000);
        var shopper = Shoppers.signUp(api, email, "Алёна " + surname, phone);
        var admin = admin();

        assertThat(search(admin, email.toUpperCase()))
                .containsExactly(shopper.id().toString());
        assertThat(search(admin, phone)).containsExactly(shopper.id().toString());
        assertThat(search(admin, surname.substring(0, 5).toLowerCase()))
                .contains(shopper.id().toString());
        assertThat(search(admin, "алён")).contains(shopper.id().toString());
        assertThat(search(admin, "nobody-" + email)).isEmpty();

        var active = api.get("/api/v1/admin/users?status=ACTIVE&size=100", admin.accessToken());
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json().path("total").asLong()).isPositive();
        assertThat(api.get("/api/v1/admin/users?status=SLEEPING", admin.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aBlockedUsersExistingAccessTokenIsRefusedAtOnce() {
        var shopper = Shoppers.signUp(api);
        var admin = admin();
        assertThat(api.get("/api/v1/me", shopper.accessToken()).status()).isEqualTo(200);

        var blocked = api.post(
                "/api/v1/admin/users/" + shopper.id() + "/block",
                Map.of("reason", "Chargeback fraud"),
                admin.accessToken());

        assertThat(blocked.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", shopper.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", shopper.refreshToken()), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", shopper.email(), "password", Shoppers.PASSWORD), null)
                        .status())
                .isEqualTo(403);

        assertThat(api.post("/api/v1/admin/users/" + shopper.id() + "/unblock", null, admin.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", shopper.email(), "password", Shoppers.PASSWORD), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me", shopper.accessToken()).status())
                .as("tokens from before the block stay dead")
                .isEqualTo(401);
    }

    @Test
    void anAdminSendsAPasswordResetMail() {
        var shopper = Shoppers.signUp(api);
        var admin = admin();

        assertThat(api.post("/api/v1/admin/users/" + shopper.id() + "/password-reset", null, admin.accessToken())
                        .status())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMail.readOverImap(shopper.email()).stream()
                        .anyMatch(m -> m.text().contains("reset-password?token=")));
    }

    @Test
    void everyAdminActionIsAuditedWithWhoWhatWhomWhenAndWhere() {
        var shopper = Shoppers.signUp(api);
        var admin = admin();
        api.post("/api/v1/admin/users/" + shopper.id() + "/block", Map.of("reason", "Spam"), admin.accessToken());
        api.post("/api/v1/admin/users/" + shopper.id() + "/unblock", null, admin.accessToken());
        api.post("/api/v1/admin/users/" + shopper.id() + "/password-reset", null, admin.accessToken());

        var log = api.get("/api/v1/admin/audit-log?targetId=" + shopper.id(), admin.accessToken());

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("total").asLong()).isEqualTo(3);
        assertThat(log.json().path("items").findValuesAsString("action"))
                .containsExactly("PASSWORD_RESET_SENT", "USER_UNBLOCKED", "USER_BLOCKED");
        var blocked = log.json().path("items").get(2);
        assertThat(blocked.path("actorId").asString()).isEqualTo(admin.id().toString());
        assertThat(blocked.path("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(blocked.path("targetType").asString()).isEqualTo("user");
        assertThat(blocked.path("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(blocked.path("occurredAt").asString()).isNotBlank();
        assertThat(blocked.path("details").path("reason").asString()).isEqualTo("Spam");
    }

    @Test
    void anAdminMakesAShopperAnOperatorWhichTakesEffectAtOnceAndIsAudited() {
        var shopper = Shoppers.signUp(api);
        var admin = admin();

        var changed = api.put(
                "/api/v1/admin/users/" + shopper.id() + "/roles",
                Map.of("roles", List.of("SHOPPER", "OPERATOR")),
                admin.accessToken());

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("roles").toString()).isEqualTo("[\"OPERATOR\",\"SHOPPER\"]");
        assertThat(api.get("/api/v1/me", shopper.accessToken()).status())
                .as("a token with the old roles is refused at once")
                .isEqualTo(401);
        var refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", shopper.refreshToken()), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", refreshed.text("accessToken")).status())
                .isEqualTo(200);
        var claims = Api.json.readTree(
                Base64.getUrlDecoder().decode(refreshed.text("accessToken").split("\\.")[1]));
        assertThat(claims.path("roles").toString()).isEqualTo("[\"OPERATOR\",\"SHOPPER\"]");
        assertThat(claims.path("aud").toString())
                .as("an operator's token is also meant for the ops APIs")
                .contains("ingestion", "search-indexer", "tracking-poller");
        assertThat(api.get("/api/v1/admin/users?q=" + shopper.email(), admin.accessToken())
                        .json()
                        .path("items")
                        .get(0)
                        .path("roles")
                        .toString())
                .isEqualTo("[\"OPERATOR\",\"SHOPPER\"]");
        var audited = api.get(
                "/api/v1/admin/audit-log?action=USER_ROLES_CHANGED&targetId=" + shopper.id(), admin.accessToken());
        assertThat(audited.json().path("items").get(0).path("details").toString())
                .isEqualTo("{\"after\":[\"OPERATOR\",\"SHOPPER\"],\"before\":[\"SHOPPER\"]}");
    }

    @Test
    void aShopperMadeAdminReachesTheAdminApiAndLosesItAtOnceWhenTakenAway() {
        var user = Shoppers.signUp(api);
        var admin = admin();
        api.put("/api/v1/admin/users/" + user.id() + "/roles", Map.of("roles", List.of("ADMIN")), admin.accessToken());
        var promoted = Shoppers.signIn(api, user.email(), Shoppers.PASSWORD);
        assertThat(api.get("/api/v1/admin/users", promoted.accessToken()).status())
                .isEqualTo(200);

        assertThat(api.put(
                                "/api/v1/admin/users/" + user.id() + "/roles",
                                Map.of("roles", List.of("SHOPPER")),
                                admin.accessToken())
                        .status())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/admin/users", promoted.accessToken()).status())
                .isEqualTo(401);
        var refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", promoted.refreshToken()), null);
        assertThat(api.get("/api/v1/admin/users", refreshed.text("accessToken")).status())
                .isEqualTo(403);
    }

    @Test
    void refusesUnknownRolesAnEmptyListAndAnUnknownUser() {
        var shopper = Shoppers.signUp(api);
        var admin = admin();

        assertThat(api.put(
                                "/api/v1/admin/users/" + shopper.id() + "/roles",
                                Map.of("roles", List.of("ROOT")),
                                admin.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/v1/admin/users/" + shopper.id() + "/roles",
                                Map.of("roles", List.of()),
                                admin.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/v1/admin/users/" + UUID.randomUUID() + "/roles",
                                Map.of("roles", List.of("SHOPPER")),
                                admin.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/admin/users/" + shopper.id() + "/roles",
                                Map.of("roles", List.of("ADMIN")),
                                shopper.accessToken())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theLastActiveAdminKeepsAdminEvenWhenTwoAdminsDemoteEachOtherAtOnce() throws Exception {
        var root = admin();
        for (UUID other : jdbc.sql("SELECT user_id FROM user_roles WHERE role_code = 'ADMIN' AND user_id <> ?")
                .param(root.id())
                .query(UUID.class)
                .list()) {
            api.put("/api/v1/admin/users/" + other + "/roles", Map.of("roles", List.of("SHOPPER")), root.accessToken());
        }
        var alone = api.put(
                "/api/v1/admin/users/" + root.id() + "/roles", Map.of("roles", List.of("SHOPPER")), root.accessToken());
        assertThat(alone.status()).isEqualTo(409);
        assertThat(alone.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/admin/users/" + root.id() + "/block", Map.of("reason", "x"), root.accessToken())
                        .status())
                .isIn(400, 409);

        var second = Shoppers.signUp(api);
        api.put("/api/v1/admin/users/" + second.id() + "/roles", Map.of("roles", List.of("ADMIN")), root.accessToken());
        var other = Shoppers.signIn(api, second.email(), Shoppers.PASSWORD);
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> rootDemotesOther = pool.submit(() -> {
                start.await();
                return api.put(
                                "/api/v1/admin/users/" + other.id() + "/roles",
                                Map.of("roles", List.of("SHOPPER")),
                                root.accessToken())
                        .status();
            });
            Future<Integer> otherDemotesRoot = pool.submit(() -> {
                start.await();
                return api.put(
                                "/api/v1/admin/users/" + root.id() + "/roles",
                                Map.of("roles", List.of("SHOPPER")),
                                other.accessToken())
                        .status();
            });
            start.countDown();
            List<Integer> statuses = List.of(rootDemotesOther.get(), otherDemotesRoot.get());

            assertThat(statuses).containsOnlyOnce(200);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id"
                                + " WHERE r.role_code = 'ADMIN' AND u.status = 'ACTIVE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        if (api.get("/api/v1/admin/users", root.accessToken()).status() != 200) {
            api.put(
                    "/api/v1/admin/users/" + root.id() + "/roles",
                    Map.of("roles", List.of("ADMIN", "SHOPPER")),
                    other.accessToken());
        }
        assertThat(api.get("/api/v1/admin/users", admin().accessToken()).status())
                .isEqualTo(200);
    }

    private java.util.List<String> search(Shoppers.Session admin, String q) {
        var found = api.get(
                "/api/v1/admin/users?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), admin.accessToken());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().path("items").findValuesAsString("id");
    }
}
