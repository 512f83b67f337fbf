package dev.silkway.sandbox.journey;

import dev.silkway.sandbox.catalogue.Hashing;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The journeys the sandbox knows: only each journey's start and legs are kept (its events are generated again on
 * every read), at most {@code journey-capacity} of them, the oldest forgotten first. Beginning the same parcel again
 * gives the journey it already has. Reads take no lock; beginnings are serialized.
 */
@Component
class SandboxJourneys implements Journeys {

    static final Set<String> LAST_MILE_CARRIERS = Set.of("cdek", "russian-post");

    private final long seed;
    private final double timeFactor;
    private final int capacity;
    private final Map<String, Journey> byParcel = new ConcurrentHashMap<>();
    private final Map<String, Journey> byTrackNumber = new ConcurrentHashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();

    SandboxJourneys(SandboxProperties sandbox, JourneyProperties properties) {
        this.seed = sandbox.seed();
        this.timeFactor = properties.timeFactor();
        this.capacity = properties.journeyCapacity();
    }

    @Override
    public synchronized Journey begin(JourneyStart start) {
        validate(start);
        Journey known = byParcel.get(start.parcelId());
        if (known != null) {
            return known;
        }
        Journey journey = new Journey(
                start.parcelId(),
                start,
                List.of(
                        new Journey.Leg("INTERNATIONAL", start.lineCarrier(), number(start, start.lineCarrier(), 1)),
                        new Journey.Leg(
                                "LAST_MILE", start.lastMileCarrier(), number(start, start.lastMileCarrier(), 2))));
        while (order.size() >= capacity) {
            forget(order.removeFirst());
        }
        byParcel.put(journey.parcelId(), journey);
        journey.legs().forEach(leg -> byTrackNumber.put(leg.trackNumber(), journey));
        order.addLast(journey.parcelId());
        return journey;
    }

    @Override
    public Optional<Journey> find(String trackNumber) {
        return Optional.ofNullable(byTrackNumber.get(trackNumber));
    }

    @Override
    public List<JourneyEvent> eventsSeen(String trackNumber, Instant now) {
        Journey journey = byTrackNumber.get(trackNumber);
        if (journey == null) {
            return List.of();
        }
        List<JourneyEvent> seen = new ArrayList<>();
        for (JourneyEvent event : JourneyTimeline.of(journey, seed, timeFactor).leg(trackNumber, journey)) {
            if (!event.at().isAfter(now)) {
                seen.add(event);
            }
        }
        return seen;
    }

    /** Every event of the leg, those still to come included (the sandbox's own view, for tests and debugging). */
    List<JourneyEvent> allEvents(Journey journey, String trackNumber) {
        return JourneyTimeline.of(journey, seed, timeFactor).leg(trackNumber, journey);
    }

    synchronized int size() {
        return order.size();
    }

    private void forget(String parcelId) {
        Journey journey = byParcel.remove(parcelId);
        if (journey != null) {
            journey.legs().forEach(leg -> byTrackNumber.remove(leg.trackNumber(), journey));
        }
    }

    /** The leg's number, derived from the seed and the parcel; drawn again in the rare case it is already taken. */
    private String number(JourneyStart start, String carrier, int leg) {
        for (int attempt = 0; ; attempt++) {
            long stream = Hashing.mix(seed, JourneyTimeline.hash(start.parcelId()), leg, attempt);
            String number = TrackNumbers.of(carrier, new SplittableRandom(stream));
            if (!byTrackNumber.containsKey(number)) {
                return number;
            }
        }
    }

    private static void validate(JourneyStart start) {
        if (start.parcelId().isBlank() || start.parcelId().length() > 100) {
            throw new IllegalArgumentException("parcelId must be 1..100 characters");
        }
        if (!Set.of("AIR", "SEA", "EXPRESS").contains(start.method())) {
            throw new IllegalArgumentException("method must be AIR, SEA or EXPRESS");
        }
        if (!Set.of("RU", "KZ", "BY").contains(start.destinationCountry())) {
            throw new IllegalArgumentException("destinationCountry must be RU, KZ or BY");
        }
        if (!LAST_MILE_CARRIERS.contains(start.lastMileCarrier())) {
            throw new IllegalArgumentException("lastMileCarrier must be cdek or russian-post");
        }
        if (!start.lineCarrier().matches("[a-z0-9][a-z0-9-]{1,31}")) {
            throw new IllegalArgumentException("lineCarrier must be a carrier code");
        }
    }
}
