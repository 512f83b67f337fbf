package dev.silkway.tracking.carrier;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One tracking event: its time, the normalized status and sub-status (e.g. IN_TRANSIT /
 * "customs_processing"), the platform's own code and text, the place, and the platform's record as
 * JSON text (tracking_events.raw).
 */
public record CarrierEvent(
        Instant occurredAt,
        TrackingStatus status,
        @Nullable String subStatus,
        String rawStatus,
        @Nullable String description,
        @Nullable String location,
        String raw) {}
