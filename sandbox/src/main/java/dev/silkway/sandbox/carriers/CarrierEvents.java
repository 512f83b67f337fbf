package dev.silkway.sandbox.carriers;

import dev.silkway.sandbox.journey.Journey;
import dev.silkway.sandbox.journey.JourneyEvent;
import dev.silkway.sandbox.journey.Journeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A track number's events as a simulator answers them now: the events seen so far, oldest first, or nothing when the
 * number is unknown (or, misbehaving, answered as unknown); sometimes with an event sent twice or the order shuffled.
 */
@Component
public class CarrierEvents {

    private final Journeys journeys;
    private final CarrierMisbehaviour misbehaviour;
    private final Clock clock;

    public CarrierEvents(Journeys journeys, CarrierMisbehaviour misbehaviour, Clock clock) {
        this.journeys = journeys;
        this.misbehaviour = misbehaviour;
        this.clock = clock;
    }

    /** The leg of the number, if the sandbox knows it: what a simulator needs to name the carrier. */
    public Optional<Journey.Leg> leg(String trackNumber) {
        return journeys.find(trackNumber)
                .flatMap(journey -> journey.legs().stream()
                        .filter(leg -> leg.trackNumber().equals(trackNumber))
                        .findFirst());
    }

    /** The events to answer, or empty when the number is (answered as) unknown or has no event yet. */
    public Optional<List<JourneyEvent>> answer(String trackNumber) {
        if (journeys.find(trackNumber).isEmpty() || misbehaviour.unknown()) {
            return Optional.empty();
        }
        List<JourneyEvent> events = new ArrayList<>(journeys.eventsSeen(trackNumber, clock.instant()));
        if (events.isEmpty()) {
            return Optional.empty();
        }
        if (misbehaviour.duplicate()) {
            events.add(events.getLast());
        }
        if (events.size() > 1 && misbehaviour.outOfOrder()) {
            Collections.swap(events, 0, events.size() - 1);
        }
        return Optional.of(events);
    }

    /** Every event of the number, those to come included (for the push schedule). */
    List<JourneyEvent> all(String trackNumber) {
        return journeys.eventsSeen(trackNumber, java.time.Instant.MAX);
    }
}
