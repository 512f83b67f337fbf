package dev.silkway.sandbox.russianpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.silkway.sandbox.journey.Journey;
import dev.silkway.sandbox.journey.JourneyStart;
import dev.silkway.sandbox.journey.Journeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(
        properties = {
            "silkway.sandbox.time-factor=100000000",
            "silkway.sandbox.faults.rate-limit=0",
            "silkway.sandbox.faults.server-error=0",
            "silkway.sandbox.faults.slow=0",
            "silkway.sandbox.faults.malformed=0",
            "silkway.sandbox.carriers.misbehaviour.duplicate=0",
            "silkway.sandbox.carriers.misbehaviour.out-of-order=0",
            "silkway.sandbox.carriers.misbehaviour.unknown=0",
            "silkway.sandbox.russian-post.requests-per-second=100000"
        })
@AutoConfigureMockMvc
class RussianPostSandboxTest {

    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    @Autowired
    MockMvc mvc;

    @Autowired
    Journeys journeys;

    @AfterEach
    void noMisbehaviour() throws Exception {
        misbehave(0);
    }

    @Test
    void answersOneHistoryRecordPerEventOfARussianPostLastMile() throws Exception {
        String barcode = lastMile("rp-history");
        int seen = journeys.eventsSeen(barcode, Instant.now()).size();

        MvcResult answer =
                call(envelope(SOAP12, barcode, "RUS", " soapenv:mustUnderstand=\"1\"", "sandbox-rp-password"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentType()).startsWith("application/soap+xml");
        String body = answer.getResponse().getContentAsString();
        assertThat(seen).isPositive();
        assertThat(records(body)).isEqualTo(seen);
        assertThat(body)
                .contains("<ns7:getOperationHistoryResponse")
                .contains("<ns3:Barcode>" + barcode + "</ns3:Barcode>")
                .contains("<ns3:OperType><ns3:Id>28</ns3:Id><ns3:Name>Присвоение идентификатора</ns3:Name>")
                .containsPattern("<ns3:Index>\\d{6}</ns3:Index>");
    }

    @Test
    void repeatsARecordWhenTheCarriersMisbehaviourSendsOneTwice() throws Exception {
        String barcode = lastMile("rp-duplicate");
        int seen = journeys.eventsSeen(barcode, Instant.now()).size();
        misbehave(1);

        String body = call(envelope(SOAP12, barcode, "RUS", " soapenv:mustUnderstand=\"1\"", "sandbox-rp-password"))
                .getResponse()
                .getContentAsString();

        assertThat(records(body)).isEqualTo(seen + 1);
    }

    @Test
    void namesTheOperationsInEnglishWhenAskedInEng() throws Exception {
        String barcode = lastMile("rp-english");

        String body = call(envelope(SOAP12, barcode, "ENG", " soapenv:mustUnderstand=\"1\"", "sandbox-rp-password"))
                .getResponse()
                .getContentAsString();

        assertThat(body).contains("<ns3:Name>Assigning an identifier</ns3:Name>");
    }

    @Test
    void answersAnEmptyHistoryForTheNumberOfAChinaEmsLineLeg() throws Exception {
        Journey journey = journeys.begin(new JourneyStart(
                "rp-line-0",
                "AIR",
                "RU",
                "china-ems",
                "russian-post",
                Instant.now().minus(Duration.ofHours(1))));
        String line = journey.legs().getFirst().trackNumber();

        String body = call(envelope(SOAP12, line, "RUS", " soapenv:mustUnderstand=\"1\"", "sandbox-rp-password"))
                .getResponse()
                .getContentAsString();

        assertThat(line).matches("[A-Z]{2}\\d{9}CN");
        assertThat(records(body)).isZero();
        assertThat(body).contains("<ns3:OperationHistoryData></ns3:OperationHistoryData>");
    }

    @Test
    void refusesAnAuthorizationHeaderWithoutMustUnderstandWithAnAuthorizationFault() throws Exception {
        MvcResult answer = call(envelope(SOAP12, "RA000000000RU", "RUS", "", "sandbox-rp-password"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(500);
        assertThat(answer.getResponse().getContentAsString())
                .contains("<S:Value>S:Sender</S:Value>")
                .contains("<ns3:AuthorizationFaultReason");
    }

    @Test
    void refusesAWrongPasswordWithAnAuthorizationFault() throws Exception {
        MvcResult answer = call(envelope(SOAP12, "RA000000000RU", "RUS", " soapenv:mustUnderstand=\"1\"", "guess"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(500);
        assertThat(answer.getResponse().getContentAsString()).contains("<ns3:AuthorizationFaultReason");
    }

    @Test
    void refusesASoap11EnvelopeWithAVersionMismatchFault() throws Exception {
        MvcResult answer = call(envelope(
                "http://schemas.xmlsoap.org/soap/envelope/",
                "RA000000000RU",
                "RUS",
                " soapenv:mustUnderstand=\"1\"",
                "sandbox-rp-password"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(500);
        assertThat(answer.getResponse().getContentAsString()).contains("<S:Value>S:VersionMismatch</S:Value>");
    }

    @Test
    void answersAnOperationHistoryFaultForABarcodeInNeitherFormat() throws Exception {
        MvcResult answer =
                call(envelope(SOAP12, "RA0000RU", "RUS", " soapenv:mustUnderstand=\"1\"", "sandbox-rp-password"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(500);
        assertThat(answer.getResponse().getContentAsString())
                .contains("<ns3:OperationHistoryFaultReason")
                .contains("Формат данных запроса не соответствует установленному в регламенте обмена");
    }

    @Test
    void servesItsSchemasUnderTheRealServicesNamesToo() throws Exception {
        byte[] byNumber = mvc.perform(get("/russian-post/rtm34").param("xsd", "5"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] byFile = mvc.perform(get("/russian-post/rtm34-xsd5.xsd"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(byNumber).isNotEmpty().isEqualTo(byFile);
        assertThat(new String(byFile, java.nio.charset.StandardCharsets.UTF_8))
                .contains("targetNamespace=\"http://russianpost.org/operationhistory/data\"");
        assertThat(mvc.perform(get("/russian-post/rtm34").param("xsd", "1"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    /** The last-mile number of a russian-post journey handed over an hour ago, whose events have all happened. */
    private String lastMile(String prefix) {
        for (int i = 0; i < 50; i++) {
            Journey journey = journeys.begin(start(prefix + "-" + i));
            String number = journey.legs().get(1).trackNumber();
            if (!journeys.eventsSeen(number, Instant.now()).isEmpty()) {
                return number;
            }
        }
        throw new IllegalStateException("no russian-post last mile with events among 50 journeys");
    }

    private static JourneyStart start(String parcelId) {
        return new JourneyStart(
                parcelId,
                "EXPRESS",
                "RU",
                "sf-express",
                "russian-post",
                Instant.now().minus(Duration.ofHours(1)));
    }

    private void misbehave(double duplicate) throws Exception {
        mvc.perform(put("/sandbox/admin/carrier-faults")
                .contentType("application/json")
                .content("{\"duplicate\":" + duplicate + ",\"outOfOrder\":0,\"unknown\":0}"));
    }

    private MvcResult call(String envelope) throws Exception {
        return mvc.perform(post("/russian-post/rtm34")
                        .contentType("application/soap+xml;charset=UTF-8")
                        .content(envelope))
                .andReturn();
    }

    private static int records(String body) {
        return body.split("<ns3:historyRecord>", -1).length - 1;
    }

    /** The request as Russian Post documents it. */
    private static String envelope(
            String soap, String barcode, String language, String mustUnderstand, String password) {
        return "<soap:Envelope xmlns:soap=\"" + soap + "\" xmlns:oper=\"http://russianpost.org/operationhistory\""
                + " xmlns:data=\"http://russianpost.org/operationhistory/data\""
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/><soap:Body>"
                + "<oper:getOperationHistory><data:OperationHistoryRequest><data:Barcode>" + barcode
                + "</data:Barcode><data:MessageType>0</data:MessageType><data:Language>" + language
                + "</data:Language></data:OperationHistoryRequest><data:AuthorizationHeader" + mustUnderstand + ">"
                + "<data:login>sandbox-rp-login</data:login><data:password>" + password + "</data:password>"
                + "</data:AuthorizationHeader></oper:getOperationHistory></soap:Body></soap:Envelope>";
    }
}
