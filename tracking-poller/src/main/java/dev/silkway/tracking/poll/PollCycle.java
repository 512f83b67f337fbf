package dev.silkway.tracking.poll;

import dev.silkway.tracking.carrier.CarrierApi;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import dev.silkway.tracking.shipment.ShipmentTracking;
import dev.silkway.tracking.shipment.TrackedLeg;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of one carrier API: while calls are free in the shared limit up to a second past the
 * cycle, and this instance has room in flight, it reserves a call, claims a batch of due legs and
 * hands both to a virtual thread that waits for the call's slot, calls the carrier and records the
 * answer. 17TRACK numbers not yet registered are registered first (a call of its own).
 */
final class PollCycle {

    private static final Logger log = LoggerFactory.getLogger(PollCycle.class);
    static final String REGISTERING_API = "17track";

    private final CarrierApis apis;
    private final CallSlots slots;
    private final DueLegs due;
    private final ShipmentTracking tracking;
    private final PollSchedule schedule;
    private final PollRuns runs;
    private final PollProperties properties;
    private final Clock clock;
    private final ExecutorService calls;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final Set<UUID> claims = ConcurrentHashMap.newKeySet();

    PollCycle(
            CarrierApis apis,
            CallSlots slots,
            DueLegs due,
            ShipmentTracking tracking,
            PollSchedule schedule,
            PollRuns runs,
            PollProperties properties,
            Clock clock,
            ExecutorService calls) {
        this.apis = apis;
        this.slots = slots;
        this.due = due;
        this.tracking = tracking;
        this.schedule = schedule;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
        this.calls = calls;
    }

    /** Dispatches the API's due work; returns how many calls it dispatched. */
    int run(String api) {
        return run(api, null);
    }

    /**
     * The same, its calls counted in run {@code given} (a run asked for through the ops API, started before the
     * cycle); null: a run is started once there is work.
     */
    int run(String api, @Nullable Long given) {
        CarrierApi carrier = apis.get(api);
        int perSecond = CallSlots.perSecond(carrier.callsPerSecond());
        Semaphore room = inFlight.computeIfAbsent(api, a -> new Semaphore(properties.maxInFlight()));
        Instant horizon = clock.instant().plus(properties.cycle()).plusSeconds(1);
        Long run = given;
        int dispatched = 0;
        while (room.tryAcquire()) {
            boolean handedOver = false;
            try {
                Optional<CallSlots.Slot> slot = slots.reserve(api, perSecond, horizon);
                if (slot.isEmpty()) {
                    break;
                }
                UUID token = UUID.randomUUID();
                claims.add(token);
                List<TrackedLeg> legs = due.claim(api, carrier.batchSize(), token, properties.lease());
                if (legs.isEmpty()) {
                    claims.remove(token);
                    break;
                }
                if (run == null) {
                    run = runs.start(api, clock.instant());
                }
                long runId = run;
                calls.execute(() -> {
                    try {
                        poll(carrier, legs, slot.get(), token, runId);
                    } finally {
                        claims.remove(token);
                        room.release();
                    }
                });
                handedOver = true;
                dispatched++;
            } finally {
                if (!handedOver) {
                    room.release();
                }
            }
        }
        if (given != null && dispatched == 0) {
            runs.add(given, 0, 0, 0, 0); // asked for with nothing to poll: finished as it is
        }
        return dispatched;
    }

    private void poll(CarrierApi carrier, List<TrackedLeg> legs, CallSlots.Slot slot, UUID token, long run) {
        String api = carrier.api();
        int callsMade = 0;
        try {
            List<TrackedLeg> unregistered = REGISTERING_API.equals(api)
                    ? legs.stream().filter(l -> l.registeredAt() == null).toList()
                    : List.of();
            if (!unregistered.isEmpty()) {
                if (!slots.await(slot)) {
                    due.release(List.of(token));
                    return;
                }
                carrier.register(unregistered.stream().map(TrackedLeg::number).toList());
                callsMade++;
                tracking.markRegistered(
                        unregistered.stream().map(TrackedLeg::id).toList(), clock.instant());
                Optional<CallSlots.Slot> next = slots.reserve(
                        api,
                        CallSlots.perSecond(carrier.callsPerSecond()),
                        clock.instant().plus(properties.lease().dividedBy(4)));
                if (next.isEmpty()) {
                    due.release(List.of(token));
                    runs.add(run, callsMade, 0, 0, 0);
                    return;
                }
                slot = next.get();
            }
            if (!slots.await(slot)) {
                due.release(List.of(token));
                runs.add(run, callsMade, 0, 0, 0);
                return;
            }
            TrackingBatch answer =
                    carrier.track(legs.stream().map(TrackedLeg::number).toList());
            callsMade++;
            java.util.Set<Long> registered = new java.util.HashSet<>();
            legs.stream().filter(l -> l.registeredAt() != null).forEach(l -> registered.add(l.id()));
            unregistered.forEach(l -> registered.add(l.id()));
            int events = record(api, legs, answer, token, registered);
            runs.add(run, callsMade, legs.size(), events, 0);
        } catch (CarrierUnavailable e) {
            log.info("{} poll of {} numbers failed: {}", api, legs.size(), e.getMessage());
            Instant now = clock.instant();
            for (TrackedLeg leg : legs) {
                due.failed(leg.id(), token, schedule.afterFailure(leg, e.retryAfter(), now));
            }
            runs.add(run, callsMade + 1, legs.size(), 0, 1);
        } catch (RuntimeException e) {
            // The legs stay claimed until their lease ends, then are polled again (events are deduplicated).
            log.warn("{} poll of {} numbers could not be recorded: {}", api, legs.size(), e.toString());
        }
    }

    private int record(
            String api, List<TrackedLeg> legs, TrackingBatch answer, UUID token, java.util.Set<Long> registered) {
        Map<TrackedNumber, TrackedParcel> parcels = new HashMap<>();
        answer.parcels().forEach(p -> parcels.put(p.number(), p));
        int events = 0;
        Instant now = clock.instant();
        for (TrackedLeg leg : legs) {
            TrackedParcel parcel = parcels.get(leg.number());
            if (parcel == null) {
                // Unknown to the carrier (yet): tried again later, backing off.
                due.failed(leg.id(), token, schedule.afterFailure(leg, null, now));
                continue;
            }
            ShipmentTracking.Recorded recorded = tracking.record(leg, parcel.events(), api);
            events += recorded.newEvents();
            due.polled(
                    leg.id(), token, schedule.next(leg, api, recorded.legStatus(), registered.contains(leg.id()), now));
        }
        return events;
    }

    /** The claims of the calls still running (released at shutdown). */
    List<UUID> openClaims() {
        return new ArrayList<>(claims);
    }
}
