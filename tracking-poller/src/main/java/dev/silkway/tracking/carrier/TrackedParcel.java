package dev.silkway.tracking.carrier;

import java.util.List;

/** One number's events as the platform gives them (any order; the poller sorts and deduplicates). */
public record TrackedParcel(TrackedNumber number, List<CarrierEvent> events) {}
