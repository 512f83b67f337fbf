package dev.silkway.tracking.carrier.sfexpress;

import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SF Express route opCodes onto the normalized model: 50 picked up, 30 departed, 31 arrived, 44 out for delivery,
 * 70 delivery failed, 80/8000 signed for; the customs (604, 607–609), flight (105), arrival in the destination country
 * (622), hand-over (627), return (648) and loss (33) codes are those the sandbox uses for the international legs.
 */
final class SfExpressMapping {

    record Mapped(TrackingStatus status, @Nullable String subStatus) {}

    private static final Map<String, Mapped> CODES = Map.ofEntries(
            Map.entry("54", new Mapped(TrackingStatus.INFO_RECEIVED, null)),
            Map.entry("50", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.PICKED_UP)),
            Map.entry("30", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.DEPARTURE)),
            Map.entry("31", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.SORTING)),
            Map.entry("604", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.EXPORT_CUSTOMS)),
            Map.entry("105", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.DEPARTURE)),
            Map.entry("622", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.ARRIVED_DESTINATION_COUNTRY)),
            Map.entry("607", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.CUSTOMS_PROCESSING)),
            Map.entry("608", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.CUSTOMS_HELD)),
            Map.entry("609", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.CUSTOMS_RELEASED)),
            Map.entry("627", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.HANDED_TO_LAST_MILE)),
            Map.entry("648", new Mapped(TrackingStatus.EXCEPTION, SubStatus.RETURNING)),
            Map.entry("33", new Mapped(TrackingStatus.EXCEPTION, SubStatus.LOST)),
            Map.entry("44", new Mapped(TrackingStatus.OUT_FOR_DELIVERY, null)),
            Map.entry("70", new Mapped(TrackingStatus.ATTEMPT_FAIL, null)),
            Map.entry("80", new Mapped(TrackingStatus.DELIVERED, null)),
            Map.entry("8000", new Mapped(TrackingStatus.DELIVERED, null)));

    private SfExpressMapping() {}

    static Mapped of(String opCode) {
        return CODES.getOrDefault(opCode, new Mapped(TrackingStatus.IN_TRANSIT, null));
    }
}
