package dev.silkway.tracking.carrier;

/** The normalized status model (AfterShip's), as stored in shipments, shipment_legs and tracking_events. */
public enum TrackingStatus {
    PENDING,
    INFO_RECEIVED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    ATTEMPT_FAIL,
    AVAILABLE_FOR_PICKUP,
    DELIVERED,
    EXCEPTION,
    EXPIRED
}
