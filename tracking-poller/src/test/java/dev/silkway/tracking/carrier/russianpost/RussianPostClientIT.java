package dev.silkway.tracking.carrier.russianpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackingBatch;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CXF client against the sandbox's Russian Post simulator, a real child process speaking SOAP 1.2: a parcel's
 * last mile, unknown and malformed barcodes, an authorization fault, a slow answer cut at the deadline, a 5xx, the
 * rate limit, and the WSDL the client is generated from being the one the simulator serves.
 */
class RussianPostClientIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxProcess sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxProcess.start(List.of(
                "--silkway.sandbox.time-factor=100000000",
                "--silkway.sandbox.russian-post.requests-per-second=1000",
                "--silkway.sandbox.faults.rate-limit=0",
                "--silkway.sandbox.faults.server-error=0",
                "--silkway.sandbox.faults.slow=0",
                "--silkway.sandbox.faults.malformed=0"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void calmSandbox() throws Exception {
        faults(0, 0, 0, "PT0S");
    }

    @Test
    void tellsAParcelsLastMileFromItsHandOverToItsDelivery() throws Exception {
        String barcode = deliveredLastMile();
        JsonNode seen = get("/sandbox/journeys/" + barcode).get("events");

        TrackingBatch batch = client(properties("sandbox-rp-password", Duration.ofSeconds(10)))
                .track(List.of(new TrackedNumber("russian-post", barcode)));

        assertThat(batch.unknown()).isEmpty();
        List<CarrierEvent> events = batch.parcels().getFirst().events();
        assertThat(events).hasSize(seen.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).occurredAt())
                    .isEqualTo(Instant.parse(seen.get(i).get("at").asString())
                            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
        assertThat(events.getFirst().status()).isEqualTo(TrackingStatus.INFO_RECEIVED);
        assertThat(events.getFirst().rawStatus()).isEqualTo("28.0");
        CarrierEvent delivered = events.getLast();
        assertThat(delivered.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(delivered.rawStatus()).isEqualTo("2.1");
        assertThat(delivered.description()).isEqualTo("Вручение: Вручение адресату");
        assertThat(delivered.location()).matches("\\d{6} .+ Почтамт");
        assertThat(delivered.raw()).contains("\"OperType\":{\"Id\":2,\"Name\":\"Вручение\"}", barcode);
        assertThat(events)
                .extracting(CarrierEvent::status)
                .contains(TrackingStatus.IN_TRANSIT)
                .containsAnyOf(TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.AVAILABLE_FOR_PICKUP);
    }

    @Test
    void answersUnknownForABarcodeWithNoOperationsAndForAMalformedOne() {
        RussianPostClient client = client(properties("sandbox-rp-password", Duration.ofSeconds(10)));

        TrackingBatch wellFormed = client.track(List.of(new TrackedNumber("russian-post", "RA000000000RU")));
        TrackingBatch malformed = client.track(List.of(new TrackedNumber("russian-post", "12-34")));

        assertThat(wellFormed.parcels()).isEmpty();
        assertThat(wellFormed.unknown()).extracting(TrackedNumber::trackNumber).containsExactly("RA000000000RU");
        assertThat(malformed.parcels()).isEmpty();
        assertThat(malformed.unknown()).extracting(TrackedNumber::trackNumber).containsExactly("12-34");
    }

    @Test
    void reportsAnAuthorizationFaultAsTheCarrierBeingUnavailable() {
        RussianPostClient client = client(properties("not-the-password", Duration.ofSeconds(10)));

        assertThatThrownBy(() -> client.track(List.of(new TrackedNumber("russian-post", "RA000000000RU"))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("authorization refused")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void cutsASlowAnswerAtItsDeadline() throws Exception {
        faults(0, 0, 1, "PT8S");
        RussianPostClient client = client(properties("sandbox-rp-password", Duration.ofSeconds(1)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.track(List.of(new TrackedNumber("russian-post", "RA000000000RU"))))
                .isInstanceOf(CarrierUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void reportsAServerErrorAsTheCarrierBeingUnavailable() throws Exception {
        faults(0, 1, 0, "PT0S");

        assertThatThrownBy(() -> client(properties("sandbox-rp-password", Duration.ofSeconds(10)))
                        .track(List.of(new TrackedNumber("russian-post", "RA000000000RU"))))
                .isInstanceOf(CarrierUnavailable.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void reportsTheRateLimitWithTheWaitBeforeTheNextCall() throws Exception {
        faults(1, 0, 0, "PT0S");

        assertThatThrownBy(() -> client(properties("sandbox-rp-password", Duration.ofSeconds(10)))
                        .track(List.of(new TrackedNumber("russian-post", "RA000000000RU"))))
                .isInstanceOfSatisfying(
                        CarrierUnavailable.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void servesTheVeryWsdlAndSchemasTheClientIsGeneratedFrom() throws Exception {
        for (String file : List.of("rtm34.wsdl", "rtm34-xsd3.xsd", "rtm34-xsd5.xsd", "rtm34-xsd6.xsd")) {
            String path = file.equals("rtm34.wsdl") ? "/russian-post/rtm34?wsdl" : "/russian-post/" + file;
            HttpResponse<byte[]> served = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(served.statusCode()).as(path).isEqualTo(200);
            assertThat(served.body()).as(path).isEqualTo(classpath("wsdl/russianpost/" + file));
        }
    }

    /** A russian-post last mile that has run to delivery (the journeys are deterministic from the sandbox's seed). */
    private static String deliveredLastMile() throws Exception {
        JsonNode started = post(
                "/sandbox/journeys",
                "{\"count\":30,\"prefix\":\"rp-it-" + System.nanoTime() + "\",\"method\":\"EXPRESS\","
                        + "\"lastMileCarrier\":\"russian-post\",\"handedOverAt\":\""
                        + Instant.now().minus(Duration.ofMinutes(10)) + "\"}");
        for (JsonNode journey : started.get("parcels")) {
            String number = journey.get("legs").get(1).get("trackNumber").asString();
            JsonNode events = get("/sandbox/journeys/" + number).get("events");
            if (!events.isEmpty()
                    && events.get(events.size() - 1).get("stage").asString().equals("DELIVERED")) {
                return number;
            }
        }
        throw new IllegalStateException("none of 30 journeys was delivered by Russian Post");
    }

    private static RussianPostProperties properties(String password, Duration receiveTimeout) {
        return new RussianPostProperties(
                URI.create(sandbox.url() + "/russian-post/rtm34"),
                "sandbox-rp-login",
                password,
                "RUS",
                5,
                Duration.ofSeconds(2),
                receiveTimeout,
                receiveTimeout.plusSeconds(1),
                DataSize.ofKilobytes(512));
    }

    private static RussianPostClient client(RussianPostProperties properties) {
        return new RussianPostClient(properties);
    }

    private static void faults(double rateLimit, double serverError, double slow, String slowDelay) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox.url() + "/sandbox/admin/faults"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"rateLimit\":" + rateLimit + ",\"serverError\":"
                                + serverError + ",\"slow\":" + slow + ",\"slowDelay\":\"" + slowDelay
                                + "\",\"malformed\":0}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox.url() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    private static byte[] classpath(String resource) throws IOException {
        try (InputStream in = RussianPostClientIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
