package dev.silkway.sandbox.journey;

import java.time.Instant;

/**
 * Something that happened to a parcel on one leg, in carrier-neutral words: each carrier's simulator
 * tells it in its own codes. location is a city (Chinese or Russian), detail a free text.
 */
public record JourneyEvent(Instant at, Stage stage, String location, String detail) {

    /** What happened. */
    public enum Stage {
        INFO_RECEIVED,
        PICKED_UP,
        DEPARTED_ORIGIN,
        EXPORT_CUSTOMS,
        LINE_DEPARTED,
        ARRIVED_DESTINATION_COUNTRY,
        IMPORT_CUSTOMS,
        CUSTOMS_HELD,
        CUSTOMS_RELEASED,
        RETURNED_BY_CUSTOMS,
        HANDED_TO_LAST_MILE,
        ARRIVED_SORTING_CENTRE,
        OUT_FOR_DELIVERY,
        AVAILABLE_FOR_PICKUP,
        DELIVERY_FAILED,
        DELIVERED,
        LOST
    }
}
