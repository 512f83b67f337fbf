package dev.silkway.tracking.carrier.cdek;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.LimitedCarrierApi;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CDEK API v2 with a bearer token ({@link CdekTokens}): {@code GET orders?cdek_number=} for one number per request
 * (404 {@code v2_entity_not_found} / {@code v2_order_not_found}: unknown), and {@link #subscribe} to its
 * {@code ORDER_STATUS} webhooks. A token CDEK refuses is forgotten and the request reported unavailable (the next one
 * fetches a new token), never sent again here.
 */
@Component
@EnableConfigurationProperties(CdekProperties.class)
public class CdekClient extends LimitedCarrierApi {

    static final String API = "cdek-v2";
    private static final Set<String> NOT_FOUND = Set.of("v2_entity_not_found", "v2_order_not_found");

    private final CdekProperties properties;
    private final CdekTokens tokens;

    @Autowired
    CdekClient(CdekProperties properties) {
        this(properties, Clock.systemUTC());
    }

    CdekClient(CdekProperties properties, Clock clock) {
        super(API, 1, properties.callsPerSecond(), properties.connectTimeout(), properties.answerLimits());
        this.properties = properties;
        this.tokens = new CdekTokens(properties, transport, clock);
    }

    @Override
    public TrackingBatch track(List<TrackedNumber> numbers) {
        checkBatch(numbers);
        TrackedNumber number = numbers.getFirst();
        URI uri = URI.create(properties.baseUrl() + "/orders?cdek_number="
                + URLEncoder.encode(number.trackNumber(), StandardCharsets.UTF_8));
        JsonNode root = call(HttpRequest.newBuilder(uri).GET());
        if (root.has("entity") && root.path("entity").has("statuses")) {
            return new TrackingBatch(
                    List.of(new TrackedParcel(number, CdekOrders.events(root.path("entity")))), List.of());
        }
        return new TrackingBatch(List.of(), List.of(number));
    }

    /** Subscribes {@code url} to ORDER_STATUS callbacks (CDEK gives the same subscription for the same URL). */
    public String subscribe(URI url) {
        String body = CdekOrders.JSON.writeValueAsString(
                CdekOrders.JSON.createObjectNode().put("type", "ORDER_STATUS").put("url", url.toString()));
        JsonNode root = call(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/webhooks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String uuid = root.path("entity").path("uuid").asString("");
        if (uuid.isEmpty()) {
            throw CarrierUnavailable.of(API, "the webhook subscription was not accepted: " + errors(root), null);
        }
        return uuid;
    }

    private JsonNode call(HttpRequest.Builder request) {
        Answer answer = transport.send(request.header("Authorization", tokens.bearer()));
        JsonNode root;
        try {
            root = CdekOrders.JSON.readTree(answer.text());
        } catch (JacksonException e) {
            throw CarrierUnavailable.of(API, "HTTP " + answer.status() + " with an answer that is not JSON", e);
        }
        if (answer.status() == 401) {
            tokens.forget();
            throw CarrierUnavailable.of(
                    API, "the token was refused (" + root.path("error").asString("") + ")", null);
        }
        if (answer.status() == 200) {
            return root;
        }
        if (NOT_FOUND.contains(firstError(root))) {
            return CdekOrders.JSON.createObjectNode();
        }
        throw CarrierUnavailable.of(API, "HTTP " + answer.status() + " " + errors(root), null);
    }

    private static String firstError(JsonNode root) {
        return root.path("requests").path(0).path("errors").path(0).path("code").asString("");
    }

    private static String errors(JsonNode root) {
        return root.path("requests").path(0).path("errors").toString();
    }
}
