package dev.silkway.tracking.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.tracking.carrier.TrackingStatus;
import dev.silkway.tracking.shipment.TrackedLeg;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    final PollSchedule schedule = new PollSchedule(new PollProperties.Schedule(
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(12),
            Duration.ofHours(12),
            Duration.ofMinutes(1),
            Duration.ofHours(6)));

    static TrackedLeg leg(String kind, String method, Duration since, int failures) {
        return leg(kind, method, since, failures, false);
    }

    static TrackedLeg leg(String kind, String method, Duration since, int failures, boolean shipmentEnded) {
        return new TrackedLeg(
                1,
                UUID.randomUUID(),
                kind,
                "cdek",
                "TN1",
                TrackingStatus.IN_TRANSIT,
                method,
                null,
                failures,
                NOW.minus(since),
                shipmentEnded);
    }

    @Test
    void pollsALinesLegHandedOnOnceMoreAfterItsShipmentIsDeliveredAndThenNoMore() {
        var handedOn = leg("INTERNATIONAL", "AIR", Duration.ofDays(9), 0);
        assertThat(schedule.next(handedOn, "sf-express", TrackingStatus.IN_TRANSIT, false, NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(2)));

        var afterDelivery = leg("INTERNATIONAL", "AIR", Duration.ofDays(9), 0, true);

        assertThat(schedule.next(afterDelivery, "sf-express", TrackingStatus.IN_TRANSIT, false, NOW))
                .isNull();
        assertThat(schedule.next(afterDelivery, "17track", TrackingStatus.IN_TRANSIT, true, NOW))
                .isNull();
    }

    @Test
    void pollsSoonAfterHandOverAndNearDelivery() {
        assertThat(schedule.interval(
                        leg("INTERNATIONAL", "AIR", Duration.ofHours(1), 0),
                        "sf-express",
                        TrackingStatus.INFO_RECEIVED,
                        false,
                        NOW))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.interval(
                        leg("LAST_MILE", "AIR", Duration.ofDays(9), 0),
                        "russian-post",
                        TrackingStatus.IN_TRANSIT,
                        false,
                        NOW))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.interval(
                        leg("INTERNATIONAL", "AIR", Duration.ofDays(9), 0),
                        "sf-express",
                        TrackingStatus.AVAILABLE_FOR_PICKUP,
                        false,
                        NOW))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void pollsRarelyAtSeaAndUnderWebhooksAndNeverAfterAFinalStatus() {
        assertThat(schedule.interval(
                        leg("INTERNATIONAL", "SEA", Duration.ofDays(9), 0),
                        "sf-express",
                        TrackingStatus.IN_TRANSIT,
                        false,
                        NOW))
                .isEqualTo(Duration.ofHours(12));
        assertThat(schedule.interval(
                        leg("INTERNATIONAL", "AIR", Duration.ofDays(9), 0),
                        "sf-express",
                        TrackingStatus.IN_TRANSIT,
                        false,
                        NOW))
                .isEqualTo(Duration.ofHours(2));
        assertThat(schedule.interval(
                        leg("LAST_MILE", "AIR", Duration.ofDays(9), 0),
                        "cdek-v2",
                        TrackingStatus.OUT_FOR_DELIVERY,
                        true,
                        NOW))
                .isEqualTo(Duration.ofHours(12));
        assertThat(schedule.next(
                        leg("LAST_MILE", "AIR", Duration.ofDays(9), 0),
                        "cdek-v2",
                        TrackingStatus.DELIVERED,
                        false,
                        NOW))
                .isNull();
        assertThat(schedule.next(
                        leg("LAST_MILE", "AIR", Duration.ofDays(9), 0), "cdek-v2", TrackingStatus.EXPIRED, false, NOW))
                .isNull();
    }

    @Test
    void backsOffDoublingPerFailureUpToItsCapAndAtLeastWhatTheCarrierAsked() {
        assertThat(schedule.afterFailure(leg("INTERNATIONAL", "AIR", Duration.ZERO, 0), null, NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(schedule.afterFailure(leg("INTERNATIONAL", "AIR", Duration.ZERO, 3), null, NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(8)));
        assertThat(schedule.afterFailure(leg("INTERNATIONAL", "AIR", Duration.ZERO, 30), null, NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(schedule.afterFailure(leg("INTERNATIONAL", "AIR", Duration.ZERO, 0), Duration.ofMinutes(5), NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }
}
