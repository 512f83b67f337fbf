package dev.silkway.tracking.poll;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The poller: how often a cycle of each carrier API fires, how long a claim on a leg lasts, how many
 * calls one instance keeps in flight, and the adaptive schedule (see {@link PollSchedule}).
 *
 * @param cycle how often each carrier API's poll job fires (cluster-wide, one Quartz trigger per API)
 * @param lease how long a claimed leg stays with its poller; a poller that died frees its legs after it
 * @param maxInFlight calls one instance keeps running per carrier API
 * @param sendWithin the part of a reserved second in which its call may still start (the rest is margin)
 * @param settingsEvery how often each instance applies the carrier jobs' schedules and takes the runs asked
 *     for through the ops API
 * @param schedule the intervals between polls of one leg
 */
@Validated
@ConfigurationProperties("silkway.tracking.poll")
record PollProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration cycle,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("64") @Min(1) @Max(1024) int maxInFlight,
        @DefaultValue("850ms") Duration sendWithin,
        @DefaultValue("2s") Duration settingsEvery,
        @DefaultValue Schedule schedule) {

    /**
     * @param early right after hand-over (nothing or only "info received" yet)
     * @param near near delivery: last mile, out for delivery, waiting at a pickup point, a failed attempt
     * @param normal in transit otherwise
     * @param sea the international leg of a sea shipment while in transit
     * @param webhookCovered legs whose carrier pushes updates (17TRACK registered, CDEK subscribed)
     * @param firstFailure after a failed poll; doubled per further failure up to maxBackoff
     * @param maxBackoff the longest wait after failures
     */
    record Schedule(
            @DefaultValue("15m") Duration early,
            @DefaultValue("30m") Duration near,
            @DefaultValue("2h") Duration normal,
            @DefaultValue("12h") Duration sea,
            @DefaultValue("12h") Duration webhookCovered,
            @DefaultValue("1m") Duration firstFailure,
            @DefaultValue("6h") Duration maxBackoff) {}
}
