package dev.silkway.tracking.carrier;

import java.util.List;

/** What one tracking request answered: the parcels it knows, and the numbers it does not (yet). */
public record TrackingBatch(List<TrackedParcel> parcels, List<TrackedNumber> unknown) {}
