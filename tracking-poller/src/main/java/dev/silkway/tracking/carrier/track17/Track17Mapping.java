package dev.silkway.tracking.carrier.track17;

import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 17TRACK's statuses onto the normalized model: the main status ({@code InTransit}) gives the status, the
 * sub-status after its underscore ({@code InTransit_CustomsProcessing}) gives the sub-status.
 */
final class Track17Mapping {

    record Mapped(TrackingStatus status, @Nullable String subStatus) {}

    private static final Map<String, TrackingStatus> STATUSES = Map.of(
            "NotFound", TrackingStatus.PENDING,
            "InfoReceived", TrackingStatus.INFO_RECEIVED,
            "InTransit", TrackingStatus.IN_TRANSIT,
            "Expired", TrackingStatus.EXPIRED,
            "AvailableForPickup", TrackingStatus.AVAILABLE_FOR_PICKUP,
            "OutForDelivery", TrackingStatus.OUT_FOR_DELIVERY,
            "DeliveryFailure", TrackingStatus.ATTEMPT_FAIL,
            "Delivered", TrackingStatus.DELIVERED,
            "Exception", TrackingStatus.EXCEPTION);

    private static final Map<String, String> SUB_STATUSES = Map.ofEntries(
            Map.entry("InTransit_PickedUp", SubStatus.PICKED_UP),
            Map.entry("InTransit_Departure", SubStatus.DEPARTURE),
            Map.entry("InTransit_Arrival", SubStatus.ARRIVED_DESTINATION_COUNTRY),
            Map.entry("InTransit_CustomsProcessing", SubStatus.CUSTOMS_PROCESSING),
            Map.entry("InTransit_CustomsReleased", SubStatus.CUSTOMS_RELEASED),
            Map.entry("InTransit_CustomsRequiringInformation", SubStatus.CUSTOMS_HELD),
            Map.entry("DeliveryFailure_NoBody", SubStatus.ADDRESSEE_ABSENT),
            Map.entry("Exception_Returning", SubStatus.RETURNING),
            Map.entry("Exception_Returned", SubStatus.RETURNING),
            Map.entry("Exception_Lost", SubStatus.LOST));

    private Track17Mapping() {}

    /** A sub-status such as {@code InTransit_CustomsProcessing}, or a bare main status. */
    static Mapped of(String subStatus) {
        int underscore = subStatus.indexOf('_');
        String main = underscore < 0 ? subStatus : subStatus.substring(0, underscore);
        TrackingStatus status = STATUSES.getOrDefault(main, TrackingStatus.IN_TRANSIT);
        return new Mapped(status, SUB_STATUSES.get(subStatus));
    }
}
