package dev.silkway.storefront.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The shipments of an order as the carriers report them (implemented by the tracking feature): for
 * {@code GET /api/v1/orders/{id}} and its {@code /tracking} timeline.
 */
public interface OrderShipments {

    List<Shipment> of(UUID orderId);

    record Shipment(
            UUID id,
            String status,
            @Nullable String subStatus,
            String stage,
            @Nullable Eta eta,
            List<Leg> legs,
            List<Event> events) {}

    record Eta(@Nullable Instant earliest, @Nullable Instant latest) {}

    record Leg(
            String kind,
            String carrier,
            String trackNumber,
            String status,
            @Nullable String subStatus) {}

    /** One tracking event, newest first in a shipment. */
    record Event(
            UUID shipmentId,
            Instant at,
            String status,
            @Nullable String subStatus,
            String legKind,
            String carrier,
            String trackNumber,
            @Nullable String description,
            @Nullable String location) {}
}
