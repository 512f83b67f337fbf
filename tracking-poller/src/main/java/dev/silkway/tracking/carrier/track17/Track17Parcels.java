package dev.silkway.tracking.carrier.track17;

import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads 17TRACK's {@code track_info}: every provider's events, each mapped and kept as it came. */
final class Track17Parcels {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Track17Parcels() {}

    /** One accepted item ({@code {number, carrier, tag, track_info}}): its events, or null when 17TRACK has none. */
    static @Nullable TrackedParcel parcel(JsonNode item, Map<String, TrackedNumber> asked) {
        String number = item.path("number").asString("");
        TrackedNumber tracked =
                asked.getOrDefault(number, new TrackedNumber(item.path("tag").asString(""), number));
        List<CarrierEvent> events = new ArrayList<>();
        for (JsonNode provider : item.path("track_info").path("tracking").path("providers")) {
            for (JsonNode event : provider.path("events")) {
                events.add(event(event));
            }
        }
        return events.isEmpty() ? null : new TrackedParcel(tracked, events);
    }

    static CarrierEvent event(JsonNode event) {
        String sub = event.path("sub_status").asString("");
        Track17Mapping.Mapped mapped = Track17Mapping.of(sub);
        return new CarrierEvent(
                time(event),
                mapped.status(),
                mapped.subStatus(),
                sub,
                text(event.path("description")),
                text(event.path("location")),
                JSON.writeValueAsString(event));
    }

    private static Instant time(JsonNode event) {
        try {
            String utc = event.path("time_utc").asString("");
            return utc.isEmpty()
                    ? OffsetDateTime.parse(event.path("time_iso").asString("")).toInstant()
                    : OffsetDateTime.parse(utc).toInstant();
        } catch (DateTimeParseException e) {
            throw CarrierUnavailable.of(Track17Client.API, "an event without a readable time", e);
        }
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
