package dev.silkway.tracking.shipment;

import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shipment leg as the poller and the webhooks see it; {@code shipmentEnded}: its shipment was delivered (or
 * expired) when the leg was read.
 */
public record TrackedLeg(
        long id,
        UUID shipmentId,
        String kind,
        String carrierCode,
        String trackNumber,
        TrackingStatus status,
        String deliveryMethod,
        @Nullable Instant registeredAt,
        int pollFailures,
        Instant createdAt,
        boolean shipmentEnded) {

    public TrackedNumber number() {
        return new TrackedNumber(carrierCode, trackNumber);
    }

    public boolean lastMile() {
        return "LAST_MILE".equals(kind);
    }

    public boolean international() {
        return "INTERNATIONAL".equals(kind);
    }
}
