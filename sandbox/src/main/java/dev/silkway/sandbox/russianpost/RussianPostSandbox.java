package dev.silkway.sandbox.russianpost;

import dev.silkway.sandbox.carriers.CarrierEvents;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.journey.CarrierCalls;
import dev.silkway.sandbox.journey.Journey;
import dev.silkway.sandbox.journey.JourneyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Russian Post tracking, single access ({@code https://tracking.russianpost.ru/rtm34}) under {@code /russian-post}:
 * {@code GET /russian-post/rtm34?wsdl} and its schemas ({@code rtm34-xsd3|5|6.xsd}, also {@code rtm34?xsd=N}) are the bytes the client is
 * generated from; {@code POST /russian-post/rtm34} answers getOperationHistory. Checked in order: a SOAP 1.2 envelope
 * (else a VersionMismatch fault), the AuthorizationHeader with soapenv:mustUnderstand="1" and the sandbox login
 * (else an AuthorizationFault), the rate limit per login and the shared faults (429 with Retry-After, a 503 page,
 * slow answers), the barcode's format (14 digits or UPU S10, else an OperationHistoryFault). A barcode of a
 * russian-post LAST_MILE leg gets one historyRecord per event seen so far, with the carriers' misbehaviour
 * ({@link CarrierEvents}: a record sent twice, out of order, or none); any other barcode an empty history, as the real
 * service answers a number it has no operation for. Every request is counted in {@link CarrierCalls} first.
 */
@RestController
@EnableConfigurationProperties(RussianPostSandboxProperties.class)
class RussianPostSandbox {

    static final String SERVICE = "russian-post";
    private static final int FAULT_STREAM = 213;
    private static final Pattern BARCODE = Pattern.compile("\\d{14}|[A-Z]{2}\\d{9}[A-Z]{2}");
    private static final Set<String> SCHEMAS = Set.of("rtm34-xsd3.xsd", "rtm34-xsd5.xsd", "rtm34-xsd6.xsd");
    private static final String FORMAT_FAULT =
            "Формат данных запроса не соответствует установленному в регламенте обмена";

    private final RussianPostSandboxProperties properties;
    private final CarrierEvents events;
    private final CarrierCalls calls;
    private final Gate gate;

    RussianPostSandbox(RussianPostSandboxProperties properties, CarrierEvents events, CarrierCalls calls, Gate gate) {
        this.properties = properties;
        this.events = events;
        this.calls = calls;
        this.gate = gate;
    }

    @GetMapping(path = "/russian-post/rtm34", params = "wsdl")
    ResponseEntity<byte[]> wsdl() throws IOException {
        return file("rtm34.wsdl");
    }

    /** The schemas as the real service names them too: {@code rtm34?xsd=3|5|6}. */
    @GetMapping(path = "/russian-post/rtm34", params = "xsd")
    ResponseEntity<byte[]> schemaByNumber(@RequestParam("xsd") String number) throws IOException {
        return schema("rtm34-xsd" + number + ".xsd");
    }

    @GetMapping("/russian-post/{schema:rtm34-xsd\\d\\.xsd}")
    ResponseEntity<byte[]> schema(@PathVariable String schema) throws IOException {
        return SCHEMAS.contains(schema)
                ? file(schema)
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/russian-post/rtm34")
    ResponseEntity<String> getOperationHistory(@RequestBody(required = false) @Nullable String body) {
        calls.received(SERVICE, properties.requestsPerSecond());
        HistoryRequest request = body == null ? null : HistoryRequest.read(body);
        if (request == null) {
            return SoapAnswers.soapFault("S:Sender", "Couldn't create SOAP message: not a SOAP envelope");
        }
        if (!request.envelopeNamespace().equals(HistoryRequest.SOAP12)) {
            return SoapAnswers.soapFault("S:VersionMismatch", "Invalid SOAP envelope version: SOAP 1.2 expected");
        }
        if (!"getOperationHistory".equals(request.operation())) {
            return SoapAnswers.soapFault("S:Sender", "Cannot find dispatch method for " + request.operation());
        }
        if (!request.hasAuthorization() || !request.mustUnderstandSet()) {
            return SoapAnswers.authorizationFault(
                    "Не передан заголовок AuthorizationHeader с атрибутом soapenv:mustUnderstand=\"1\"");
        }
        if (!properties.login().equals(request.login())
                || !properties.password().equals(request.password())) {
            return SoapAnswers.authorizationFault("Ошибка авторизации: неверный логин или пароль");
        }
        switch (gate.admit(SERVICE, FAULT_STREAM, properties.login(), properties.requestsPerSecond())) {
            case RATE_LIMITED -> {
                return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, "1")
                        .contentType(MediaType.TEXT_HTML)
                        .body("<html><body><h1>429 Too Many Requests</h1></body></html>");
            }
            case SERVER_ERROR -> {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.TEXT_HTML)
                        .body("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
            }
            case PASS -> {}
        }
        String barcode = request.barcode();
        if (barcode == null || !BARCODE.matcher(barcode).matches() || !"0".equals(request.messageType())) {
            return SoapAnswers.historyFault(FORMAT_FAULT);
        }
        return SoapAnswers.history(barcode, seen(barcode), request.english());
    }

    /** The events of a russian-post last mile seen by now, as the carriers' misbehaviour answers them. */
    private List<JourneyEvent> seen(String barcode) {
        boolean ours = events.leg(barcode)
                .filter(RussianPostSandbox::lastMileOfRussianPost)
                .isPresent();
        return ours ? events.answer(barcode).orElse(List.of()) : List.of();
    }

    private static boolean lastMileOfRussianPost(Journey.Leg leg) {
        return leg.kind().equals("LAST_MILE") && leg.carrierCode().equals(SERVICE);
    }

    private static ResponseEntity<byte[]> file(String name) throws IOException {
        try (InputStream in = RussianPostSandbox.class.getResourceAsStream("/russianpost/wsdl/" + name)) {
            if (in == null) {
                return ResponseEntity.notFound().build();
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(in.readAllBytes());
        }
    }
}
