package dev.silkway.tracking.carrier.cdek;

import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CDEK's order status codes onto the normalized model; a code not listed is IN_TRANSIT without a sub-status. */
final class CdekMapping {

    record Mapped(TrackingStatus status, @Nullable String subStatus) {}

    private static final Map<String, Mapped> CODES = Map.ofEntries(
            Map.entry("ACCEPTED", new Mapped(TrackingStatus.INFO_RECEIVED, null)),
            Map.entry("CREATED", new Mapped(TrackingStatus.INFO_RECEIVED, null)),
            Map.entry("RECEIVED_AT_SHIPMENT_WAREHOUSE", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.PICKED_UP)),
            Map.entry("READY_TO_SHIP_AT_SENDING_OFFICE", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.SORTING)),
            Map.entry(
                    "TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY",
                    new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.DEPARTURE)),
            Map.entry("SENT_TO_TRANSIT_CITY", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.DEPARTURE)),
            Map.entry("ACCEPTED_IN_TRANSIT_CITY", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.SORTING)),
            Map.entry("SENT_TO_RECIPIENT_CITY", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.DEPARTURE)),
            Map.entry(
                    "ACCEPTED_IN_RECIPIENT_CITY",
                    new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.ARRIVED_DESTINATION_CITY)),
            Map.entry("ACCEPTED_AT_PICK_UP_POINT", new Mapped(TrackingStatus.AVAILABLE_FOR_PICKUP, null)),
            Map.entry("TAKEN_BY_COURIER", new Mapped(TrackingStatus.OUT_FOR_DELIVERY, null)),
            Map.entry("DELIVERED", new Mapped(TrackingStatus.DELIVERED, null)),
            Map.entry("NOT_DELIVERED", new Mapped(TrackingStatus.ATTEMPT_FAIL, SubStatus.ADDRESSEE_ABSENT)),
            Map.entry("INVALID", new Mapped(TrackingStatus.EXCEPTION, null)),
            Map.entry("LOST", new Mapped(TrackingStatus.EXCEPTION, SubStatus.LOST)),
            Map.entry("IN_CUSTOMS_INTERNATIONAL", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.EXPORT_CUSTOMS)),
            Map.entry("SHIPPED_TO_DESTINATION", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.DEPARTURE)),
            Map.entry(
                    "PASSED_TO_TRANSIT_CARRIER", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.HANDED_TO_LAST_MILE)),
            Map.entry("IN_CUSTOMS_LOCAL", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.CUSTOMS_PROCESSING)),
            Map.entry("CUSTOMS_COMPLETE", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.CUSTOMS_RELEASED)),
            Map.entry("RETURNED_TO_SENDER_CITY_WAREHOUSE", new Mapped(TrackingStatus.EXCEPTION, SubStatus.RETURNING)),
            Map.entry(
                    "RETURNED_TO_RECIPIENT_CITY_WAREHOUSE", new Mapped(TrackingStatus.IN_TRANSIT, SubStatus.SORTING)));

    private CdekMapping() {}

    static Mapped of(String code) {
        return CODES.getOrDefault(code, new Mapped(TrackingStatus.IN_TRANSIT, null));
    }
}
