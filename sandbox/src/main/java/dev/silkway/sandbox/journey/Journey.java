package dev.silkway.sandbox.journey;

import java.util.List;

/** A parcel's journey: its legs in order (INTERNATIONAL, then LAST_MILE). */
public record Journey(String parcelId, JourneyStart start, List<Leg> legs) {

    /** One carrier's part of the journey with its own track number. */
    public record Leg(String kind, String carrierCode, String trackNumber) {}
}
