package dev.silkway.storefront.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A parcel measured far heavier than quoted: listed for operators, decided once, audited. */
class WeightDifferencesIT extends FulfilmentIntegrationTest {

    @Test
    void aParcelHeavierThanQuotedBeyondTheToleranceIsListedAndDecidedOnceWithAnAuditEntry() {
        var f = new Fulfilments(api, port, jdbc, sandbox.url());
        var heavy = f.product("Гантели", 15_000);
        f.pin(heavy, false, 5_000, 40, 30, 20);
        var order = f.paidOrder(heavy);
        int quoted = jdbc.sql("SELECT (snapshot ->> 'chargeableWeightGrams')::int FROM orders WHERE id = ?")
                .param(order.id())
                .query(Integer.class)
                .single();
        var admin = admin();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> difference(order.id().toString(), admin.accessToken()) != null);
        JsonNode listed = difference(order.id().toString(), admin.accessToken());
        // 5,000 g + 5% packing = 5,250 g; volumetric 40×30×20/5 = 4,800 g.
        assertThat(listed.path("measuredGrams").asInt()).isEqualTo(5_250);
        assertThat(listed.path("quotedGrams").asInt()).isEqualTo(quoted);
        assertThat(listed.path("differenceGrams").asInt()).isEqualTo(5_250 - quoted);
        assertThat(listed.path("status").asString()).isEqualTo("OPEN");
        String path = "/api/v1/admin/fulfilment/weight-differences/"
                + listed.path("id").asString() + "/decision";

        assertThat(api.post(path, Map.of("decision", "CHARGE"), order.shopper().accessToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(path, Map.of("decision", "MAYBE"), admin.accessToken())
                        .status())
                .isEqualTo(400);
        var decided = api.post(path, Map.of("decision", "ABSORB", "note", "our packing"), admin.accessToken());
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("status").asString()).isEqualTo("ABSORB");
        assertThat(decided.json().path("note").asString()).isEqualTo("our packing");
        assertThat(decided.json().path("decidedBy").asString())
                .isEqualTo(admin.id().toString());
        assertThat(api.post(path, Map.of("decision", "CHARGE"), admin.accessToken())
                        .status())
                .isEqualTo(409);
        assertThat(api.get(
                                "/api/v1/admin/audit-log?action=WEIGHT_DIFFERENCE_DECIDED&targetId="
                                        + listed.path("id").asString(),
                                admin.accessToken())
                        .json()
                        .path("total")
                        .asLong())
                .isOne();
        assertThat(difference(order.id().toString(), admin.accessToken())).isNull();
    }

    @Test
    void theOpenApiDocumentDescribesTheFulfilmentEndpoints() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");

        assertThat(paths.has("/api/v1/fulfilment/webhooks/partner")).isTrue();
        assertThat(paths.path("/api/v1/orders/{orderId}/substitutions/{substitutionId}/accept")
                        .has("post"))
                .isTrue();
        assertThat(paths.path("/api/v1/admin/fulfilment/weight-differences/{id}/decision")
                        .path("post")
                        .path("summary")
                        .asString())
                .startsWith("Decide a weight difference");
    }

    /** The OPEN difference of the order, or null. */
    private JsonNode difference(String orderId, String token) {
        for (JsonNode item : api.get("/api/v1/admin/fulfilment/weight-differences?status=OPEN&size=200", token)
                .json()
                .path("items")) {
            if (item.path("orderId").asString().equals(orderId)) {
                return item;
            }
        }
        return null;
    }
}
