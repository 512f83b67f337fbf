package dev.silkway.tracking.poll;

import dev.silkway.tracking.carrier.TrackingStatus;
import dev.silkway.tracking.shipment.TrackedLeg;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When a leg is polled next: never after a final status, nor after the poll that followed its shipment's end (a
 * line's leg handed on to the last mile has no final status of its own: it is polled once more after the
 * shipment is delivered, for the scans it still owed, and then no more); soon after hand-over and near delivery (the
 * last mile, out for delivery, waiting at a pickup point, a failed attempt); rarely while the
 * international leg of a sea shipment is in transit; much less often when the carrier pushes its
 * updates (17TRACK registered, CDEK subscribed); and backing off, doubled per failure, after failures.
 */
final class PollSchedule {

    /** The APIs that push updates once a number is registered with them. */
    static final Set<String> PUSHING = Set.of("17track", "cdek-v2");

    private static final Set<TrackingStatus> FINAL = Set.of(TrackingStatus.DELIVERED, TrackingStatus.EXPIRED);
    private static final Set<TrackingStatus> NEAR_DELIVERY =
            Set.of(TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.AVAILABLE_FOR_PICKUP, TrackingStatus.ATTEMPT_FAIL);
    private static final Duration HANDED_OVER_RECENTLY = Duration.ofDays(2);

    private final PollProperties.Schedule schedule;

    PollSchedule(PollProperties.Schedule schedule) {
        this.schedule = schedule;
    }

    /**
     * After a successful poll that left the leg in {@code status}; null: never again. {@code registered}: the
     * carrier pushes this number's updates (registered before, or by this poll).
     */
    @Nullable
    Instant next(TrackedLeg leg, String api, TrackingStatus status, boolean registered, Instant now) {
        if (FINAL.contains(status) || leg.shipmentEnded()) {
            return null;
        }
        return now.plus(interval(leg, api, status, registered, now));
    }

    /** After a failed poll (the leg's failures so far, before this one), at least what the carrier asked. */
    Instant afterFailure(TrackedLeg leg, @Nullable Duration retryAfter, Instant now) {
        int failures = Math.min(leg.pollFailures(), 20);
        Duration wait = schedule.firstFailure().multipliedBy(1L << failures);
        if (wait.compareTo(schedule.maxBackoff()) > 0) {
            wait = schedule.maxBackoff();
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return now.plus(wait);
    }

    Duration interval(TrackedLeg leg, String api, TrackingStatus status, boolean registered, Instant now) {
        if (registered && PUSHING.contains(api)) {
            return schedule.webhookCovered();
        }
        if (NEAR_DELIVERY.contains(status) || (leg.lastMile() && status != TrackingStatus.PENDING)) {
            return schedule.near();
        }
        if ((status == TrackingStatus.PENDING || status == TrackingStatus.INFO_RECEIVED)
                && leg.createdAt().plus(HANDED_OVER_RECENTLY).isAfter(now)) {
            return schedule.early();
        }
        if (leg.international() && "SEA".equals(leg.deliveryMethod()) && status == TrackingStatus.IN_TRANSIT) {
            return schedule.sea();
        }
        return schedule.normal();
    }
}
