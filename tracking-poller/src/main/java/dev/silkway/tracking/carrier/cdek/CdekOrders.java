package dev.silkway.tracking.carrier.cdek;

import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a CDEK order's {@code entity.statuses[]} ({@code date_time} as CDEK writes it: {@code +0300}, seconds). */
final class CdekOrders {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private CdekOrders() {}

    static List<CarrierEvent> events(JsonNode entity) {
        List<CarrierEvent> events = new ArrayList<>();
        for (JsonNode status : entity.path("statuses")) {
            String code = status.path("code").asString("");
            CdekMapping.Mapped mapped = CdekMapping.of(code);
            events.add(new CarrierEvent(
                    time(status.path("date_time").asString("")),
                    mapped.status(),
                    mapped.subStatus(),
                    code,
                    text(status.path("name")),
                    text(status.path("city")),
                    JSON.writeValueAsString(status)));
        }
        return events;
    }

    static Instant time(String dateTime) {
        try {
            return OffsetDateTime.parse(dateTime, DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(dateTime).toInstant();
            } catch (DateTimeParseException again) {
                throw CarrierUnavailable.of(CdekClient.API, "a status without a readable date_time", again);
            }
        }
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
