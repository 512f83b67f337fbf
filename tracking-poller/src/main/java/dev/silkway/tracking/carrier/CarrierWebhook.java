package dev.silkway.tracking.carrier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The carriers' push deliveries, for {@code POST /api/v1/carriers/webhooks/{carrier}} ({@code 17track}, {@code cdek}):
 * {@link #receive} verifies one delivery as its carrier allows (17TRACK: the {@code sign} header; CDEK, which signs
 * nothing: the sender's address against an allow-list, then the order fetched again by its number) and returns the
 * parcels' events it tells of, mapped like the polled ones. A delivery that is not to be trusted is refused with
 * {@link CarrierWebhookRejected}; a re-fetch that fails throws {@link CarrierUnavailable}.
 */
@Component
public class CarrierWebhook {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Receiver> receivers;

    public CarrierWebhook(List<Receiver> receivers) {
        this.receivers =
                receivers.stream().collect(Collectors.toUnmodifiableMap(Receiver::carrier, Function.identity()));
    }

    /** The path segments that have a receiver. */
    public Set<String> carriers() {
        return receivers.keySet();
    }

    public List<TrackedParcel> receive(String carrier, Delivery delivery) {
        Receiver receiver = receivers.get(carrier);
        if (receiver == null) {
            throw CarrierWebhookRejected.unknownCarrier(carrier);
        }
        return receiver.receive(delivery);
    }

    /** One delivery as it arrived: the body's bytes untouched, its headers (any case), the sender's address. */
    public record Delivery(byte[] body, Map<String, String> headers, String remoteAddress) {

        public Delivery {
            Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(headers);
            headers = copy;
        }

        public @Nullable String header(String name) {
            return headers.get(name);
        }

        /** The body as JSON, or the delivery refused as MALFORMED for {@code carrier}. */
        public JsonNode json(String carrier) {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                throw CarrierWebhookRejected.malformed(carrier, "the body is not JSON");
            }
        }
    }

    /** One carrier's side of it (implemented beside that carrier's client). */
    public interface Receiver {

        /** The path segment: 17track, cdek. */
        String carrier();

        List<TrackedParcel> receive(Delivery delivery);
    }
}
