package dev.silkway.tracking.carrier;

import java.util.List;

/**
 * One carrier platform's tracking API (carriers.tracking_api: 17track, cdek-v2, sf-express,
 * russian-post). One call of {@link #track} is one request to the platform: the poller sends at most
 * {@link #batchSize()} numbers per call and at most {@link #callsPerSecond()} calls per second across
 * all its instances. Each implementation maps the platform's own codes onto {@link TrackingStatus}
 * and keeps the code and text as they came.
 *
 * <p>Failures: {@link CarrierUnavailable} (unreachable, 5xx, slow past its deadline, or rate-limited,
 * with the wait the platform asked for).
 */
public interface CarrierApi {

    /** carriers.tracking_api of the carriers this API tracks. */
    String api();

    /** Most numbers one request may carry (17TRACK 40). */
    int batchSize();

    /** Requests per second the platform allows one account (17TRACK ~3). */
    double callsPerSecond();

    /**
     * Registers numbers before they can be tracked, where the platform asks for it (17TRACK
     * /register; a number already registered is not an error). One call, at most batchSize numbers.
     */
    default void register(List<TrackedNumber> numbers) {}

    /** One request: every event the platform knows for each number, and the numbers it does not know. */
    TrackingBatch track(List<TrackedNumber> numbers);
}
