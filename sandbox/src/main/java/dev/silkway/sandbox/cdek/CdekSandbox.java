package dev.silkway.sandbox.cdek;

import dev.silkway.sandbox.carriers.CarrierEvents;
import dev.silkway.sandbox.carriers.CarrierPushes;
import dev.silkway.sandbox.carriers.CarrierSandboxProperties;
import dev.silkway.sandbox.carriers.PushSchedule;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.journey.CarrierCalls;
import dev.silkway.sandbox.journey.JourneyEvent;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CDEK API v2 under {@code /cdek/v2}: {@code POST oauth/token} (client credentials, a token that expires), {@code GET
 * orders?cdek_number=} (the order with its statuses; an unknown number 404 {@code v2_entity_not_found}), and {@code
 * POST|GET|DELETE webhooks} ({@code ORDER_STATUS} subscriptions). While a subscription exists, every order asked for
 * once is followed: each new status is sent to the subscribed URLs as {@code {type, date_time, uuid, attributes}},
 * unsigned as CDEK's are. Token requests are neither limited nor counted in the calls. Past the rate limit: 429 in CDEK's {@code requests[].errors[]} shape.
 */
@RestController
class CdekSandbox {

    static final String API = "cdek-v2";
    private static final int FAULT_STREAM = 300;
    private static final int MAX_SUBSCRIPTIONS = 20;

    private final CarrierSandboxProperties.Cdek settings;
    private final CarrierEvents events;
    private final CdekTokens tokens;
    private final Gate gate;
    private final CarrierCalls calls;
    private final CarrierPushes pushes;
    private final PushSchedule schedule;
    private final Clock clock;
    private final long seed;
    private final Map<String, URI> subscriptions = new ConcurrentHashMap<>();

    CdekSandbox(
            CarrierSandboxProperties properties,
            CarrierEvents events,
            CdekTokens tokens,
            Gate gate,
            CarrierCalls calls,
            CarrierPushes pushes,
            Clock clock,
            dev.silkway.sandbox.catalogue.SandboxProperties sandbox) {
        this.settings = properties.cdek();
        this.events = events;
        this.tokens = tokens;
        this.gate = gate;
        this.calls = calls;
        this.pushes = pushes;
        this.clock = clock;
        this.seed = sandbox.seed();
        this.schedule = new PushSchedule(events, clock, properties.track17().maxRegistered());
        pushes.everyRound(this::pushDue);
    }

    @PostMapping("/cdek/v2/oauth/token")
    ResponseEntity<String> token(
            @RequestParam(name = "grant_type", required = false) @Nullable String grantType,
            @RequestParam(name = "client_id", required = false) @Nullable String clientId,
            @RequestParam(name = "client_secret", required = false) @Nullable String clientSecret) {
        if (!"client_credentials".equals(grantType)) {
            return oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Unsupported grant type");
        }
        if (!settings.clientId().equals(clientId) || !settings.clientSecret().equals(clientSecret)) {
            return oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "Bad client credentials");
        }
        ObjectNode body = SandboxJson.object()
                .put("access_token", tokens.issue(settings.tokenLifetime()))
                .put("token_type", "bearer")
                .put("expires_in", settings.tokenLifetime().toSeconds() - 1)
                .put("scope", "order:all payment:all")
                .put("jti", UUID.randomUUID().toString());
        return SandboxJson.ok(body);
    }

    @GetMapping("/cdek/v2/orders")
    ResponseEntity<String> order(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestParam(name = "cdek_number", required = false) @Nullable String cdekNumber) {
        ResponseEntity<String> refused = admit(authorization);
        if (refused != null) {
            return refused;
        }
        if (cdekNumber == null || !cdekNumber.matches("\\d{1,20}")) {
            return error(HttpStatus.BAD_REQUEST, "v2_field_is_empty", "[cdek_number] is empty or invalid");
        }
        Optional<List<JourneyEvent>> answer = events.answer(cdekNumber);
        if (answer.isEmpty()
                || events.leg(cdekNumber)
                        .filter(l -> l.carrierCode().equals("cdek"))
                        .isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "v2_entity_not_found", "Entity is not found");
        }
        schedule.watch(cdekNumber);
        return SandboxJson.ok(entity(cdekNumber, answer.get()));
    }

    @PostMapping("/cdek/v2/webhooks")
    ResponseEntity<String> subscribe(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable String body) {
        ResponseEntity<String> refused = admit(authorization);
        if (refused != null) {
            return refused;
        }
        JsonNode request;
        try {
            request = SandboxJson.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "v2_bad_request", "Request body is not valid JSON");
        }
        String type = request == null ? "" : request.path("type").asString("");
        String url = request == null ? "" : request.path("url").asString("");
        if (!type.equals("ORDER_STATUS")) {
            return error(HttpStatus.BAD_REQUEST, "v2_field_is_empty", "[type] must be ORDER_STATUS here");
        }
        if (!url.matches("https?://.+") || subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            return error(HttpStatus.BAD_REQUEST, "v2_invalid_value_type", "[url] is invalid");
        }
        String uuid = subscriptions.entrySet().stream()
                .filter(e -> e.getValue().toString().equals(url))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> {
                    String fresh = UUID.randomUUID().toString();
                    subscriptions.put(fresh, URI.create(url));
                    return fresh;
                });
        ObjectNode answer = SandboxJson.object();
        answer.putObject("entity").put("uuid", uuid);
        request(answer.putArray("requests"), "CREATE", "ACCEPTED");
        return SandboxJson.ok(answer);
    }

    @GetMapping("/cdek/v2/webhooks")
    ResponseEntity<String> subscriptions(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
        ResponseEntity<String> refused = admit(authorization);
        if (refused != null) {
            return refused;
        }
        ArrayNode list = SandboxJson.array();
        subscriptions.forEach((uuid, url) ->
                list.addObject().put("uuid", uuid).put("type", "ORDER_STATUS").put("url", url.toString()));
        return SandboxJson.answer(HttpStatus.OK, list);
    }

    @DeleteMapping("/cdek/v2/webhooks/{uuid}")
    ResponseEntity<String> unsubscribe(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @PathVariable String uuid) {
        ResponseEntity<String> refused = admit(authorization);
        if (refused != null) {
            return refused;
        }
        if (subscriptions.remove(uuid) == null) {
            return error(HttpStatus.NOT_FOUND, "v2_entity_not_found", "Entity is not found");
        }
        ObjectNode answer = SandboxJson.object();
        answer.putObject("entity").put("uuid", uuid);
        request(answer.putArray("requests"), "DELETE", "SUCCESSFUL");
        return SandboxJson.ok(answer);
    }

    private @Nullable ResponseEntity<String> admit(@Nullable String authorization) {
        calls.received(API, settings.requestsPerSecond());
        if (authorization == null || !tokens.valid(authorization)) {
            return oauthError(HttpStatus.UNAUTHORIZED, "invalid_token", "Access token expired or invalid");
        }
        return switch (gate.admit(API, FAULT_STREAM, settings.clientId(), settings.requestsPerSecond())) {
            case RATE_LIMITED ->
                error(HttpStatus.TOO_MANY_REQUESTS, "v2_too_many_requests", "Too many requests, try again later");
            case SERVER_ERROR -> SandboxJson.serverError();
            case PASS -> null;
        };
    }

    private ObjectNode entity(String cdekNumber, List<JourneyEvent> seen) {
        ObjectNode root = SandboxJson.object();
        ObjectNode entity = root.putObject("entity");
        entity.put("uuid", orderUuid(cdekNumber))
                .put("type", 1)
                .put("is_return", false)
                .put("cdek_number", cdekNumber)
                .put("number", "SW-" + cdekNumber);
        ArrayNode statuses = entity.putArray("statuses");
        List<CdekWords.Status> told = CdekWords.statuses(seen);
        for (int i = told.size() - 1; i >= 0; i--) {
            CdekWords.Status status = told.get(i);
            ObjectNode node = statuses.addObject()
                    .put("code", status.code())
                    .put("name", status.name())
                    .put("date_time", dateTime(status.event()))
                    .put("city", status.city());
            if (!status.reasonCode().isEmpty()) {
                node.put("reason_code", status.reasonCode());
            }
        }
        request(root.putArray("requests"), "CREATE", "SUCCESSFUL");
        return root;
    }

    private void pushDue() {
        List<String> due = schedule.due(pushes.maxPerRound());
        if (subscriptions.isEmpty()) {
            return;
        }
        for (String number : due) {
            List<JourneyEvent> seen = events.answer(number).orElse(List.of());
            if (seen.isEmpty()) {
                continue;
            }
            CdekWords.Status latest = CdekWords.statuses(seen).getLast();
            ObjectNode body = SandboxJson.object()
                    .put("type", "ORDER_STATUS")
                    .put("date_time", dateTime(latest.event()))
                    .put("uuid", orderUuid(number));
            body.putObject("attributes")
                    .put("is_return", false)
                    .put("cdek_number", number)
                    .put("number", "SW-" + number)
                    .put("status_code", latest.code())
                    .put("status_date_time", dateTime(latest.event()))
                    .put("city_name", latest.city())
                    .put("city_code", latest.cityCode());
            String raw = SandboxJson.MAPPER.writeValueAsString(body);
            subscriptions.values().forEach(url -> pushes.post(url, raw, Map.of()));
        }
    }

    private String orderUuid(String cdekNumber) {
        return UUID.nameUUIDFromBytes((seed + "/cdek/" + cdekNumber).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static String dateTime(JourneyEvent event) {
        return CdekWords.DATE_TIME.format(
                event.at().atOffset(dev.silkway.sandbox.carriers.CarrierClocks.offset(event)));
    }

    private void request(ArrayNode requests, String type, String state) {
        requests.addObject()
                .put("request_uuid", UUID.randomUUID().toString())
                .put("type", type)
                .put("date_time", CdekWords.DATE_TIME.format(clock.instant().atOffset(java.time.ZoneOffset.UTC)))
                .put("state", state);
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        ObjectNode root = SandboxJson.object();
        ObjectNode request =
                root.putArray("requests").addObject().put("type", "GET").put("state", "INVALID");
        request.putArray("errors").addObject().put("code", code).put("message", message);
        return SandboxJson.answer(status, root);
    }

    private static ResponseEntity<String> oauthError(HttpStatus status, String error, String description) {
        return SandboxJson.answer(
                status, SandboxJson.object().put("error", error).put("error_description", description));
    }
}
