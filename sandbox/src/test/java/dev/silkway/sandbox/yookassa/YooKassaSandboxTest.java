package dev.silkway.sandbox.yookassa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest(properties = {"silkway.sandbox.products-per-marketplace=10", "silkway.sandbox.generation=1"})
@AutoConfigureMockMvc
class YooKassaSandboxTest {

    private static final String AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString("sandbox-shop:sandbox-yookassa-secret".getBytes(StandardCharsets.UTF_8));
    private static final String PAYMENT = """
            {"amount":{"value":"1234.50","currency":"RUB"},"capture":true,
             "confirmation":{"type":"redirect","return_url":"http://shop.example/back"},"description":"order 1"}""";

    @Autowired
    MockMvc mvc;

    private MvcResult create(String key, String body, String auth) throws Exception {
        return mvc.perform(post("/yookassa/v3/payments")
                        .header("Authorization", auth)
                        .header("Idempotence-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
    }

    private static JsonNode json(MvcResult result) throws Exception {
        return SandboxJson.MAPPER.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void createsAPendingPaymentWithItsConfirmationPageAndReplaysItForTheSameKey() throws Exception {
        String key = UUID.randomUUID().toString();
        JsonNode first = json(create(key, PAYMENT, AUTH));
        JsonNode again = json(create(key, PAYMENT, AUTH));

        assertThat(first.path("status").asString()).isEqualTo("pending");
        assertThat(first.path("amount").path("value").asString()).isEqualTo("1234.50");
        assertThat(first.path("confirmation").path("confirmation_url").asString())
                .endsWith("/yookassa/checkout/" + first.path("id").asString());
        assertThat(again).isEqualTo(first);
        var page = mvc.perform(get("/yookassa/checkout/" + first.path("id").asString()))
                .andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("Pay 1234.50 RUB", "Decline");
    }

    @Test
    void refusesWrongCredentialsAMissingKeyAndAKeyReusedForAnotherRequest() throws Exception {
        var wrong = create(
                UUID.randomUUID().toString(),
                PAYMENT,
                "Basic " + Base64.getEncoder().encodeToString("x:y".getBytes()));
        var noKey = mvc.perform(post("/yookassa/v3/payments")
                        .header("Authorization", AUTH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PAYMENT))
                .andReturn();
        String key = UUID.randomUUID().toString();
        create(key, PAYMENT, AUTH);
        var reused = create(key, PAYMENT.replace("1234.50", "1.00"), AUTH);
        var badAmount = create(UUID.randomUUID().toString(), PAYMENT.replace("1234.50", "1234.5"), AUTH);

        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
        assertThat(json(wrong).path("code").asString()).isEqualTo("invalid_credentials");
        assertThat(noKey.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(noKey).path("type").asString()).isEqualTo("error");
        assertThat(json(noKey).path("code").asString()).isEqualTo("invalid_request");
        assertThat(reused.getResponse().getStatus()).isEqualTo(400);
        assertThat(badAmount.getResponse().getStatus()).isEqualTo(400);
    }

    private MvcResult refund(String paymentId, String value) throws Exception {
        return mvc.perform(post("/yookassa/v3/refunds")
                        .header("Authorization", AUTH)
                        .header("Idempotence-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"payment_id\":\"" + paymentId + "\",\"amount\":{\"value\":\"" + value
                                + "\",\"currency\":\"RUB\"}}"))
                .andReturn();
    }

    @Test
    void aPaidPaymentSucceedsAndIsRefundedOnlyUpToItsAmount() throws Exception {
        String id = json(create(UUID.randomUUID().toString(), PAYMENT, AUTH))
                .path("id")
                .asString();
        assertThat(mvc.perform(post("/yookassa/sandbox/payments/" + id + "/pay"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        var paid = json(mvc.perform(get("/yookassa/v3/payments/" + id).header("Authorization", AUTH))
                .andReturn());
        var refund = refund(id, "1000.00");
        var tooMuch = refund(id, "234.51");

        assertThat(paid.path("status").asString()).isEqualTo("succeeded");
        assertThat(paid.path("paid").asBoolean()).isTrue();
        assertThat(refund.getResponse().getStatus()).isEqualTo(200);
        assertThat(json(refund).path("payment_id").asString()).isEqualTo(id);
        assertThat(tooMuch.getResponse().getStatus()).isEqualTo(400);
    }
}
