package dev.silkway.tracking.carrier.russianpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierSandbox;
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
import org.junit.jupiter.api.AfterEach;
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
    private static final CarrierSandbox SANDBOX = CarrierSandbox.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterEach
    void calmSandbox() {
        SANDBOX.noFaults();
    }

    @Test
    void tellsAParcelsLastMileFromItsHandOverToItsDelivery() throws Exception {
        String barcode = deliveredLastMile();
        JsonNode seen = journey(barcode).get("events");

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

        assertThat(failure(client, "RA000000000RU"))
                .hasMessageContaining("authorization refused")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void cutsASlowAnswerAtItsDeadline() throws Exception {
        SANDBOX.faults(0, 0, 1, "PT8S");
        RussianPostClient client = client(properties("sandbox-rp-password", Duration.ofSeconds(1)));

        long started = System.nanoTime();
        assertThat(failure(client, "RA000000000RU")).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesAnAnswerLargerThanItsBound() throws Exception {
        String barcode = deliveredLastMile();
        RussianPostClient client =
                client(properties("sandbox-rp-password", Duration.ofSeconds(10), DataSize.ofKilobytes(2)));

        assertThat(failure(client, barcode)).hasMessageContaining("larger than 2048 bytes");
    }

    @Test
    void reportsAServerErrorAsTheCarrierBeingUnavailable() throws Exception {
        SANDBOX.faults(0, 1, 0, "PT0S");

        assertThat(failure(client(properties("sandbox-rp-password", Duration.ofSeconds(10))), "RA000000000RU"))
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void reportsTheRateLimitWithTheWaitBeforeTheNextCall() throws Exception {
        SANDBOX.faults(1, 0, 0, "PT0S");

        assertThat(failure(client(properties("sandbox-rp-password", Duration.ofSeconds(10))), "RA000000000RU")
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void servesTheVeryWsdlAndSchemasTheClientIsGeneratedFrom() throws Exception {
        for (String file : List.of("rtm34.wsdl", "rtm34-xsd3.xsd", "rtm34-xsd5.xsd", "rtm34-xsd6.xsd")) {
            String path = file.equals("rtm34.wsdl") ? "/russian-post/rtm34?wsdl" : "/russian-post/" + file;
            HttpResponse<byte[]> served = HTTP.send(
                    HttpRequest.newBuilder(URI.create(SANDBOX.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(served.statusCode()).as(path).isEqualTo(200);
            assertThat(served.body()).as(path).isEqualTo(classpath("wsdl/russianpost/" + file));
        }
    }

    /** A russian-post last mile that has run to delivery (the journeys are deterministic from the sandbox's seed). */
    private static String deliveredLastMile() {
        for (List<String> legs :
                SANDBOX.finishedJourneys("rp-it-" + System.nanoTime(), 30, "china-ems", "russian-post")) {
            JsonNode events = journey(legs.get(1)).get("events");
            if (!events.isEmpty()
                    && events.get(events.size() - 1).get("stage").asString().equals("DELIVERED")) {
                return legs.get(1);
            }
        }
        throw new IllegalStateException("none of 30 journeys was delivered by Russian Post");
    }

    private static JsonNode journey(String trackNumber) {
        return JSON.readTree(SANDBOX.send("GET", "/sandbox/journeys/" + trackNumber, null));
    }

    private static RussianPostProperties properties(String password, Duration receiveTimeout) {
        return properties(password, receiveTimeout, DataSize.ofKilobytes(512));
    }

    private static RussianPostProperties properties(String password, Duration receiveTimeout, DataSize maxAnswer) {
        return new RussianPostProperties(
                URI.create(SANDBOX.url() + "/russian-post/rtm34"),
                "sandbox-rp-login",
                password,
                "RUS",
                5,
                Duration.ofSeconds(2),
                receiveTimeout,
                receiveTimeout.plusSeconds(1),
                maxAnswer);
    }

    /** What tracking one number failed with: it must fail with CarrierUnavailable. */
    private static CarrierUnavailable failure(RussianPostClient client, String barcode) {
        CarrierUnavailable failure = catchThrowableOfType(
                CarrierUnavailable.class, () -> client.track(List.of(new TrackedNumber("russian-post", barcode))));
        assertThat(failure)
                .as("tracking " + barcode + " fails with CarrierUnavailable")
                .isNotNull();
        return failure;
    }

    private static RussianPostClient client(RussianPostProperties properties) {
        return new RussianPostClient(properties);
    }

    private static byte[] classpath(String resource) throws IOException {
        try (InputStream in = RussianPostClientIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
