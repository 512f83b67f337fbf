package dev.silkway.tracking.carrier.sfexpress;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.LimitedCarrierApi;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SF Express {@code EXP_RECE_SEARCH_ROUTES}: a form POST of partnerID, requestID, serviceCode, timestamp,
 * msgDigest = Base64(MD5(urlencode(msgData + timestamp + checkWord))) and msgData; the answer's
 * {@code apiResultData} is itself a JSON string. A1005 (flow controlled) is the rate limit; a number with no routes
 * is unknown. acceptTime is Beijing time.
 */
@Component
@EnableConfigurationProperties(SfExpressProperties.class)
class SfExpressClient extends LimitedCarrierApi {

    static final String API = "sf-express";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ACCEPT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final Set<String> UNAVAILABLE = Set.of("A1009", "A1099");

    private final SfExpressProperties properties;
    private final Clock clock;

    @Autowired
    SfExpressClient(SfExpressProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SfExpressClient(SfExpressProperties properties, Clock clock) {
        super(
                API,
                properties.batchSize(),
                properties.callsPerSecond(),
                properties.connectTimeout(),
                properties.answerLimits());
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public TrackingBatch track(List<TrackedNumber> numbers) {
        checkBatch(numbers);
        Map<String, TrackedNumber> asked = new LinkedHashMap<>();
        numbers.forEach(n -> asked.put(n.trackNumber(), n));
        JsonNode data = call(numbers);
        List<TrackedParcel> parcels = new ArrayList<>();
        for (JsonNode resp : data.path("msgData").path("routeResps")) {
            TrackedNumber number = asked.get(resp.path("mailNo").asString(""));
            List<CarrierEvent> events = new ArrayList<>();
            resp.path("routes").forEach(route -> events.add(event(route)));
            if (number != null && !events.isEmpty()) {
                parcels.add(new TrackedParcel(number, events));
                asked.remove(number.trackNumber());
            }
        }
        return new TrackingBatch(parcels, List.copyOf(asked.values()));
    }

    private JsonNode call(List<TrackedNumber> numbers) {
        var msg = JSON.createObjectNode()
                .put("language", "0")
                .put("trackingType", "1")
                .put("methodType", "1");
        var list = msg.putArray("trackingNumber");
        numbers.forEach(n -> list.add(n.trackNumber()));
        String msgData = JSON.writeValueAsString(msg);
        String timestamp = Long.toString(clock.millis());
        String form = "partnerID=" + encode(properties.partnerId())
                + "&requestID=" + UUID.randomUUID()
                + "&serviceCode=EXP_RECE_SEARCH_ROUTES"
                + "&timestamp=" + timestamp
                + "&msgDigest=" + encode(digest(msgData, timestamp, properties.checkWord()))
                + "&msgData=" + encode(msgData);
        Answer answer = transport.send(HttpRequest.newBuilder(properties.serviceUrl())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonNode root = json(answer.text(), "HTTP " + answer.status() + " with an answer that is not JSON");
        String code = root.path("apiResultCode").asString("");
        if (code.equals("A1005")) {
            throw CarrierUnavailable.rateLimited(API, Duration.ofSeconds(1));
        }
        if (answer.status() != 200 || !code.equals("A1000")) {
            String what = UNAVAILABLE.contains(code) ? "service error " : "request refused ";
            throw CarrierUnavailable.of(
                    API, what + code + " " + root.path("apiErrorMsg").asString(""), null);
        }
        JsonNode data = json(root.path("apiResultData").asString(""), "apiResultData is not a JSON string");
        if (!data.path("success").asBoolean(false)) {
            throw CarrierUnavailable.of(
                    API, "routes refused: " + data.path("errorCode").asString(""), null);
        }
        return data;
    }

    private static CarrierEvent event(JsonNode route) {
        String opCode = route.path("opCode").asString("");
        SfExpressMapping.Mapped mapped = SfExpressMapping.of(opCode);
        return new CarrierEvent(
                acceptTime(route.path("acceptTime").asString("")),
                mapped.status(),
                mapped.subStatus(),
                opCode,
                text(route.path("remark")),
                text(route.path("acceptAddress")),
                JSON.writeValueAsString(route));
    }

    static Instant acceptTime(String text) {
        try {
            return LocalDateTime.parse(text, ACCEPT_TIME).toInstant(BEIJING);
        } catch (DateTimeParseException e) {
            throw CarrierUnavailable.of(API, "a route without a readable acceptTime", e);
        }
    }

    /** Base64 of the raw MD5 of the URL-encoded (UTF-8) msgData + timestamp + checkWord. */
    static String digest(String msgData, String timestamp, String checkWord) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest(encode(msgData + timestamp + checkWord).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text, String failure) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw CarrierUnavailable.of(API, failure, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
