package dev.silkway.sandbox.track17;

import dev.silkway.sandbox.carriers.CarrierEvents;
import dev.silkway.sandbox.carriers.CarrierPushes;
import dev.silkway.sandbox.carriers.CarrierSandboxProperties;
import dev.silkway.sandbox.carriers.PushSchedule;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.journey.CarrierCalls;
import dev.silkway.sandbox.journey.Journey;
import dev.silkway.sandbox.journey.JourneyEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 17TRACK API v2.2 under {@code /17track/track/v2.2}: {@code POST /register} and {@code POST /gettrackinfo} take a
 * JSON array of at most 40 {@code {number, carrier?, tag?}} with the {@code 17token} header, ~3 requests per second
 * (past it HTTP 429 with 17TRACK's error shape), and answer {@code {code:0, data:{accepted[], rejected[]}}}. A number
 * registered twice is rejected with −18019901, one the sandbox cannot detect with −18019903, one asked before it was
 * registered with −18019902; past {@code max-registered} −18019908. When {@code webhook-url} is set, every registered
 * number's new events are pushed as {@code TRACKING_UPDATED} with header {@code sign} = SHA256(body + "/" + key).
 */
@RestController
class Track17Sandbox {

    static final String API = "17track";
    private static final int FAULT_STREAM = 200;
    private static final Map<String, String> NAMES = Map.of(
            "china-post", "China Post",
            "china-ems", "China EMS",
            "sf-express", "SF Express",
            "cdek", "CDEK",
            "russian-post", "Russian Post");

    private final CarrierSandboxProperties.Track17 settings;
    private final CarrierEvents events;
    private final Gate gate;
    private final CarrierCalls calls;
    private final CarrierPushes pushes;
    private final PushSchedule schedule;
    private final Map<String, String> registered = new ConcurrentHashMap<>();

    Track17Sandbox(
            CarrierSandboxProperties properties,
            CarrierEvents events,
            Gate gate,
            CarrierCalls calls,
            CarrierPushes pushes,
            Clock clock) {
        this.settings = properties.track17();
        this.events = events;
        this.gate = gate;
        this.calls = calls;
        this.pushes = pushes;
        this.schedule = new PushSchedule(events, clock, settings.maxRegistered());
        if (settings.webhookUrl() != null) {
            pushes.everyRound(this::pushDue);
        }
    }

    @PostMapping("/17track/track/v2.2/register")
    ResponseEntity<String> register(
            @RequestHeader(name = "17token", required = false) @Nullable String token,
            @RequestBody(required = false) @Nullable String body) {
        return serve(token, body, this::register);
    }

    @PostMapping("/17track/track/v2.2/gettrackinfo")
    ResponseEntity<String> trackInfo(
            @RequestHeader(name = "17token", required = false) @Nullable String token,
            @RequestBody(required = false) @Nullable String body) {
        return serve(token, body, this::trackInfo);
    }

    private interface Item {
        void answer(JsonNode item, String number, ArrayNode accepted, ArrayNode rejected);
    }

    private ResponseEntity<String> serve(@Nullable String token, @Nullable String body, Item item) {
        calls.received(API, settings.requestsPerSecond());
        if (!settings.apiKey().equals(token)) {
            return error(HttpStatus.UNAUTHORIZED, -18010002, "Access key is invalid.");
        }
        switch (gate.admit(API, FAULT_STREAM, settings.apiKey(), settings.requestsPerSecond())) {
            case RATE_LIMITED -> {
                return error(HttpStatus.TOO_MANY_REQUESTS, -18010018, "Request frequency exceeds the limit.");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        JsonNode items;
        try {
            items = SandboxJson.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return error(HttpStatus.OK, -18010012, "The format of data is invalid.");
        }
        if (items == null || !items.isArray() || items.isEmpty()) {
            return error(HttpStatus.OK, -18010010, "The field of data is required.");
        }
        if (items.size() > settings.maxNumbers()) {
            return error(
                    HttpStatus.OK,
                    -18010014,
                    "The number of tracking numbers exceeds the limit of " + settings.maxNumbers() + ".");
        }
        ObjectNode root = SandboxJson.object().put("code", 0);
        ObjectNode data = root.putObject("data");
        ArrayNode accepted = data.putArray("accepted");
        ArrayNode rejected = data.putArray("rejected");
        for (JsonNode each : items) {
            String number = each.path("number").asString("").trim();
            if (!number.matches("[A-Za-z0-9]{5,50}")) {
                reject(rejected, number, -18010012, "The format of '" + number + "' is invalid.");
            } else {
                item.answer(each, number, accepted, rejected);
            }
        }
        return SandboxJson.ok(root);
    }

    private void register(JsonNode item, String number, ArrayNode accepted, ArrayNode rejected) {
        Optional<Journey.Leg> leg = events.leg(number);
        if (leg.isEmpty()) {
            reject(rejected, number, -18019903, "The carrier of '" + number + "' cannot be detected.");
        } else if (registered.containsKey(number)) {
            reject(
                    rejected,
                    number,
                    -18019901,
                    "The tracking number '" + number + "' has been registered, don't need to repeat registration.");
        } else if (registered.size() >= settings.maxRegistered() || !watch(number)) {
            reject(rejected, number, -18019908, "The quota of tracking numbers is exhausted.");
        } else {
            registered.put(number, item.path("tag").asString(""));
            accepted.addObject()
                    .put("origin", 1)
                    .put("number", number)
                    .put(
                            "carrier",
                            Track17Words.CARRIER_KEYS.getOrDefault(leg.get().carrierCode(), 0))
                    .put("tag", registered.get(number));
        }
    }

    private boolean watch(String number) {
        return settings.webhookUrl() == null || schedule.watch(number);
    }

    private void trackInfo(JsonNode item, String number, ArrayNode accepted, ArrayNode rejected) {
        String tag = registered.get(number);
        if (tag == null) {
            reject(
                    rejected,
                    number,
                    -18019902,
                    "The tracking number '" + number + "' does not register, please register first.");
            return;
        }
        accepted.add(parcel(number, tag));
    }

    private ObjectNode parcel(String number, String tag) {
        ObjectNode node = SandboxJson.object();
        Optional<Journey.Leg> leg = events.leg(number);
        String carrier = leg.map(Journey.Leg::carrierCode).orElse("");
        node.put("number", number)
                .put("carrier", Track17Words.CARRIER_KEYS.getOrDefault(carrier, 0))
                .put("tag", tag);
        Optional<List<JourneyEvent>> answer = events.answer(number);
        ObjectNode info = node.putObject("track_info");
        if (answer.isEmpty()) {
            Track17Words.notFound(info);
        } else {
            Track17Words.trackInfo(info, carrier, NAMES.getOrDefault(carrier, carrier), answer.get());
        }
        return node;
    }

    private void pushDue() {
        var url = settings.webhookUrl();
        if (url == null) {
            return;
        }
        for (String number : schedule.due(pushes.maxPerRound())) {
            String tag = registered.get(number);
            if (tag == null) {
                continue;
            }
            ObjectNode body = SandboxJson.object().put("event", "TRACKING_UPDATED");
            body.set("data", parcel(number, tag));
            String raw = SandboxJson.MAPPER.writeValueAsString(body);
            pushes.post(url, raw, Map.of("sign", sign(raw, settings.apiKey())));
        }
    }

    /** 17TRACK's webhook signature: lowercase hex SHA-256 of the raw body, a slash, and the API key. */
    static String sign(String rawBody, String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((rawBody + "/" + apiKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reject(ArrayNode rejected, String number, int code, String message) {
        rejected.addObject()
                .put("number", number)
                .putObject("error")
                .put("code", code)
                .put("message", message);
    }

    private static ResponseEntity<String> error(HttpStatus status, int code, String message) {
        ObjectNode root = SandboxJson.object().put("code", code);
        root.putObject("data").putArray("errors").addObject().put("code", code).put("message", message);
        return SandboxJson.answer(status, root);
    }
}
