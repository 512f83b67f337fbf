package dev.silkway.sandbox.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        properties = {
            "silkway.sandbox.products-per-marketplace=10",
            "silkway.sandbox.faults.rate-limit=0",
            "silkway.sandbox.faults.server-error=0",
            "silkway.sandbox.faults.slow=0",
            "silkway.sandbox.partner.out-of-stock-rate=0",
            "silkway.sandbox.partner.price-changed-rate=0"
        })
@AutoConfigureMockMvc
class PartnerSandboxTest {

    private static final String SECRET = "sandbox-partner-secret";

    @Autowired
    MockMvc mvc;

    @Test
    void acceptsASignedPurchaseAndAnswersTheSameAgainForItsReference() throws Exception {
        String body = purchase("ref-accept-1", "sku-1", "2");

        MvcResult first = signed("/partner/v1/purchases", body, Instant.now().getEpochSecond());
        MvcResult again = signed("/partner/v1/purchases", body, Instant.now().getEpochSecond());

        assertThat(first.getResponse().getStatus()).isEqualTo(202);
        JsonNode answer = SandboxJson.MAPPER.readTree(first.getResponse().getContentAsString());
        assertThat(answer.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(answer.path("purchaseId").asString()).startsWith("PP");
        assertThat(again.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(signed(
                                "/partner/v1/purchases",
                                purchase("ref-accept-1", "sku-2", "2"),
                                Instant.now().getEpochSecond())
                        .getResponse()
                        .getStatus())
                .as("the reference reused for another line")
                .isEqualTo(422);
    }

    @Test
    void refusesAWrongSignatureAStaleTimestampAndAnUnknownKey() throws Exception {
        String body = purchase("ref-refused-1", "sku-1", "2");
        long now = Instant.now().getEpochSecond();

        MvcResult forged = mvc.perform(post("/partner/v1/purchases")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("X-Partner-Key", "sandbox-partner-key")
                        .header("X-Partner-Timestamp", Long.toString(now))
                        .header("X-Partner-Signature", PartnerSignature.sign("wrong-secret", now, body)))
                .andReturn();
        MvcResult stale = signed("/partner/v1/purchases", body, now - 301);

        assertThat(forged.getResponse().getStatus()).isEqualTo(401);
        assertThat(forged.getResponse().getContentAsString()).contains("INVALID_SIGNATURE");
        assertThat(stale.getResponse().getStatus()).isEqualTo(400);
        assertThat(stale.getResponse().getContentAsString()).contains("TIMESTAMP_OUT_OF_WINDOW");
    }

    @Test
    void answersOutOfStockAndPriceChangedForPinnedSkus() throws Exception {
        mvc.perform(put("/sandbox/admin/partner/skus/taobao/sold-out-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"soldOut\":true}"));
        mvc.perform(put("/sandbox/admin/partner/skus/taobao/dearer-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"priceFen\":1500}"));
        long now = Instant.now().getEpochSecond();

        MvcResult soldOut = signed("/partner/v1/purchases", purchase("ref-so-1", "sold-out-1", "12.50"), now);
        MvcResult dearer = signed("/partner/v1/purchases", purchase("ref-pc-1", "dearer-1", "12.50"), now);

        assertThat(soldOut.getResponse().getStatus()).isEqualTo(409);
        assertThat(soldOut.getResponse().getContentAsString()).contains("OUT_OF_STOCK");
        assertThat(dearer.getResponse().getStatus()).isEqualTo(409);
        JsonNode error = SandboxJson.MAPPER
                .readTree(dearer.getResponse().getContentAsString())
                .path("error");
        assertThat(error.path("code").asString()).isEqualTo("PRICE_CHANGED");
        assertThat(error.path("currentPriceCny").asString()).isEqualTo("15.00");
    }

    @Test
    void refusesAParcelOfPurchasesNotInTheWarehouse() throws Exception {
        String parcel = """
                {"reference":"parcel-1","purchases":["never-bought"],"method":"AIR","destinationCountry":"RU",
                "callbackUrl":"http://127.0.0.1:9/hook"}""";

        MvcResult answer = signed("/partner/v1/parcels", parcel, Instant.now().getEpochSecond());

        assertThat(answer.getResponse().getStatus()).isEqualTo(409);
        assertThat(answer.getResponse().getContentAsString()).contains("NOT_AT_WAREHOUSE");
    }

    private MvcResult signed(String path, String body, long timestamp) throws Exception {
        return mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("X-Partner-Key", "sandbox-partner-key")
                        .header("X-Partner-Timestamp", Long.toString(timestamp))
                        .header("X-Partner-Signature", PartnerSignature.sign(SECRET, timestamp, body)))
                .andReturn();
    }

    private static String purchase(String reference, String sku, String maxPrice) {
        return """
                {"reference":"%s","marketplace":"taobao","productId":"p-1","skuId":"%s","quantity":1,
                "maxPriceCny":"%s","callbackUrl":"http://127.0.0.1:9/hook"}""".formatted(reference, sku, maxPrice);
    }
}
