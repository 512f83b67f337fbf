package dev.silkway.tracking.carrier.track17;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.LimitedCarrierApi;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * 17TRACK API v2.2 ({@code 17token}): {@link #register} posts {@code /register} with each number tagged with its
 * carrier code (so that a webhook names it again), {@link #track} posts {@code /gettrackinfo}. A number registered
 * before (−18019901) is not an error; a number 17TRACK rejects, or knows without events yet, is unknown.
 */
@Component
@EnableConfigurationProperties(Track17Properties.class)
class Track17Client extends LimitedCarrierApi {

    static final String API = "17track";
    private static final Logger log = LoggerFactory.getLogger(Track17Client.class);
    private static final Set<Integer> QUOTA = Set.of(-18019907, -18019908);

    private final Track17Properties properties;

    Track17Client(Track17Properties properties) {
        super(
                API,
                properties.batchSize(),
                properties.callsPerSecond(),
                properties.connectTimeout(),
                properties.answerLimits());
        this.properties = properties;
    }

    @Override
    public void register(List<TrackedNumber> numbers) {
        JsonNode data = post("register", numbers, true);
        for (JsonNode rejected : data.path("rejected")) {
            int code = rejected.path("error").path("code").asInt();
            if (QUOTA.contains(code)) {
                throw CarrierUnavailable.of(API, "the account's tracking quota is exhausted (" + code + ")", null);
            }
            if (code != -18019901) {
                log.debug("17TRACK refused to register a number: {}", code);
            }
        }
    }

    @Override
    public TrackingBatch track(List<TrackedNumber> numbers) {
        Map<String, TrackedNumber> asked = new LinkedHashMap<>();
        numbers.forEach(n -> asked.put(n.trackNumber(), n));
        JsonNode data = post("gettrackinfo", numbers, false);
        List<TrackedParcel> parcels = new ArrayList<>();
        for (JsonNode item : data.path("accepted")) {
            TrackedParcel parcel = Track17Parcels.parcel(item, asked);
            if (parcel != null) {
                parcels.add(parcel);
                asked.remove(parcel.number().trackNumber());
            }
        }
        return new TrackingBatch(parcels, List.copyOf(asked.values()));
    }

    private JsonNode post(String path, List<TrackedNumber> numbers, boolean tagged) {
        checkBatch(numbers);
        ArrayNode body = Track17Parcels.JSON.createArrayNode();
        for (TrackedNumber number : numbers) {
            var item = body.addObject().put("number", number.trackNumber());
            if (tagged) {
                item.put("tag", number.carrierCode());
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/" + path))
                .header("17token", properties.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Track17Parcels.JSON.writeValueAsString(body)));
        Answer answer = transport.send(request);
        JsonNode root;
        try {
            root = Track17Parcels.JSON.readTree(answer.text());
        } catch (JacksonException e) {
            throw CarrierUnavailable.of(API, "HTTP " + answer.status() + " with an answer that is not JSON", e);
        }
        int code = root.path("code").asInt(Integer.MIN_VALUE);
        if (answer.status() != 200 || code != 0) {
            throw CarrierUnavailable.of(API, "HTTP " + answer.status() + ", code " + code + " " + message(root), null);
        }
        return root.path("data");
    }

    private static String message(JsonNode root) {
        return root.path("data").path("errors").path(0).path("message").asString("");
    }
}
