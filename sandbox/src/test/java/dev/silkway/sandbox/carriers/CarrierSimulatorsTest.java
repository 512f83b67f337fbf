package dev.silkway.sandbox.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
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
            "silkway.sandbox.faults.malformed=0",
            "silkway.sandbox.carriers.misbehaviour.duplicate=0",
            "silkway.sandbox.carriers.misbehaviour.out-of-order=0",
            "silkway.sandbox.carriers.misbehaviour.unknown=0",
            "silkway.sandbox.carriers.track17.requests-per-second=1000",
            "silkway.sandbox.carriers.track17.webhook-url=",
            "silkway.sandbox.carriers.sf-express.requests-per-second=1000"
        })
@AutoConfigureMockMvc
class CarrierSimulatorsTest {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void resetCalls() throws Exception {
        mvc.perform(delete("/sandbox/carriers/calls"));
    }

    @Test
    void startsJourneysInBulkWithEachCarriersNumberFormatAndShowsTheirEvents() throws Exception {
        JsonNode started = json(mvc.perform(post("/sandbox/journeys")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"count\":4,\"prefix\":\"bulk-test\",\"handedOverAt\":\"2026-01-01T00:00:00Z\"}"))
                .andReturn());

        assertThat(started.path("count").asInt()).isEqualTo(4);
        JsonNode first = started.path("parcels").get(0);
        assertThat(first.path("parcelId").asString()).isEqualTo("bulk-test-0");
        assertThat(first.path("legs").get(0).path("trackNumber").asString()).matches("SF\\d{13}");
        assertThat(first.path("legs").get(1).path("trackNumber").asString()).matches("\\d{10}");
        assertThat(started.path("parcels")
                        .get(1)
                        .path("legs")
                        .get(0)
                        .path("trackNumber")
                        .asString())
                .matches("E[A-Z]\\d{9}CN");
        assertThat(started.path("parcels")
                        .get(2)
                        .path("legs")
                        .get(1)
                        .path("trackNumber")
                        .asString())
                .matches("\\d{14}");

        String number = first.path("legs").get(0).path("trackNumber").asString();
        JsonNode seen = json(mvc.perform(get("/sandbox/journeys/" + number)).andReturn());
        assertThat(seen.path("events").size()).isGreaterThan(5);
        assertThat(seen.path("eventsToCome").asInt()).isZero();
        assertThat(mvc.perform(post("/sandbox/journeys")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"count\":100001}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void seventeenTrackRefusesAWrongTokenAndMoreThanFortyNumbersAndCountsEveryCall() throws Exception {
        MvcResult forged = mvc.perform(post("/17track/track/v2.2/gettrackinfo")
                        .header("17token", "nope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"number\":\"EA123456785CN\"}]"))
                .andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(401);
        assertThat(json(forged).path("code").asInt()).isEqualTo(-18010002);

        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 41; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"number\":\"EA1234567")
                    .append(10 + i)
                    .append("CN\"}");
        }
        JsonNode tooMany = json(mvc.perform(post("/17track/track/v2.2/register")
                        .header("17token", "sandbox-17track-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(many.append("]").toString()))
                .andReturn());
        assertThat(tooMany.path("code").asInt()).isEqualTo(-18010014);

        JsonNode calls = json(mvc.perform(get("/sandbox/carriers/calls")).andReturn());
        assertThat(calls.path("17track").path("calls").asLong()).isEqualTo(2);
        assertThat(calls.path("17track").path("seconds").get(0).path("second").asLong())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void seventeenTrackRejectsANumberRegisteredTwiceWithItsOwnCode() throws Exception {
        String number = lineNumber("{\"count\":1,\"prefix\":\"twice\",\"lineCarrier\":\"china-ems\"}");
        String body = "[{\"number\":\"" + number + "\"}]";

        JsonNode firstTime = register(body);
        JsonNode secondTime = register(body);

        assertThat(firstTime.path("data").path("accepted").get(0).path("number").asString())
                .isEqualTo(number);
        assertThat(secondTime
                        .path("data")
                        .path("rejected")
                        .get(0)
                        .path("error")
                        .path("code")
                        .asInt())
                .isEqualTo(-18019901);
    }

    @Test
    void sfExpressChecksTheDigestAndAnswersRoutesAsAJsonString() throws Exception {
        String number = lineNumber(
                "{\"count\":1,\"prefix\":\"sf\",\"lineCarrier\":\"sf-express\",\"handedOverAt\":\"2026-01-01T00:00:00Z\"}");
        String msgData = "{\"language\":\"0\",\"trackingType\":\"1\",\"trackingNumber\":[\"" + number
                + "\"],\"methodType\":\"1\"}";
        String timestamp = Long.toString(System.currentTimeMillis());

        JsonNode wrong = sf(msgData, timestamp, "bm90LXRoZS1kaWdlc3Q=");
        JsonNode right = sf(msgData, timestamp, digest(msgData + timestamp + "sandbox-sf-checkword"));

        assertThat(wrong.path("apiResultCode").asString()).isEqualTo("A1006");
        assertThat(right.path("apiResultCode").asString()).isEqualTo("A1000");
        JsonNode data = SandboxJson.MAPPER.readTree(right.path("apiResultData").asString());
        JsonNode routes = data.path("msgData").path("routeResps").get(0).path("routes");
        assertThat(routes.get(1).path("opCode").asString()).isEqualTo("50");
        assertThat(routes.get(1).path("acceptTime").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    /** Starts the journeys of {@code bulk} and returns the first one's line number. */
    private String lineNumber(String bulk) throws Exception {
        JsonNode started = json(mvc.perform(post("/sandbox/journeys")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bulk))
                .andReturn());
        return started.path("parcels")
                .get(0)
                .path("legs")
                .get(0)
                .path("trackNumber")
                .asString();
    }

    private JsonNode register(String body) throws Exception {
        return json(mvc.perform(post("/17track/track/v2.2/register")
                        .header("17token", "sandbox-17track-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn());
    }

    private JsonNode sf(String msgData, String timestamp, String msgDigest) throws Exception {
        return json(mvc.perform(post("/sf-express/std/service")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("partnerID", "SANDBOX_SF")
                        .param("requestID", "r-1")
                        .param("serviceCode", "EXP_RECE_SEARCH_ROUTES")
                        .param("timestamp", timestamp)
                        .param("msgDigest", msgDigest)
                        .param("msgData", msgData))
                .andReturn());
    }

    private static String digest(String text) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5")
                .digest(URLEncoder.encode(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(md5);
    }

    private static JsonNode json(MvcResult result) throws Exception {
        return SandboxJson.MAPPER.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
