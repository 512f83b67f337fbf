package dev.silkway.tracking.shipment;

import dev.silkway.tracking.carrier.TrackingStatus;
import org.jspecify.annotations.Nullable;

/**
 * How far a shipment got as its order sees it; ordered, and a shipment's stage only moves forward.
 * {@link #fraction} is the part of the delivery line's ETA range still ahead at that stage.
 */
public enum Stage {
    SHIPPED(1.0),
    IN_CUSTOMS(0.5),
    ARRIVED(0.25),
    OUT_FOR_DELIVERY(0.0),
    DELIVERED(0.0);

    /** The destination's customs (export customs in China is still SHIPPED); SubStatus's words. */
    private static final java.util.Set<String> IMPORT_CUSTOMS =
            java.util.Set.of("customs_processing", "customs_held", "customs_released");

    private final double fraction;

    Stage(double fraction) {
        this.fraction = fraction;
    }

    double fraction() {
        return fraction;
    }

    /** The stage of a shipment whose furthest leg is in this status. */
    static Stage of(String legKind, boolean lastLeg, TrackingStatus status, @Nullable String subStatus) {
        if (status == TrackingStatus.DELIVERED && lastLeg) {
            return DELIVERED;
        }
        if (status == TrackingStatus.OUT_FOR_DELIVERY) {
            return OUT_FOR_DELIVERY;
        }
        if (status == TrackingStatus.AVAILABLE_FOR_PICKUP) {
            return ARRIVED;
        }
        if (subStatus != null && IMPORT_CUSTOMS.contains(subStatus)) {
            return IN_CUSTOMS;
        }
        if ("handed_to_last_mile".equals(subStatus)) {
            return ARRIVED;
        }
        if ("LAST_MILE".equals(legKind) && status != TrackingStatus.PENDING && status != TrackingStatus.INFO_RECEIVED) {
            return ARRIVED;
        }
        return SHIPPED;
    }

    Stage atLeast(Stage other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
