package dev.silkway.sandbox.journey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The parcels handed over to lines, and what has happened to each by now. A journey is generated from
 * its start (deterministically from the parcel id and the sandbox's seed) with its timings divided by
 * the sandbox's time factor; {@link #eventsSeen} gives the events of one leg that have happened by
 * {@code now}.
 */
public interface Journeys {

    /** A parcel handed over to a line: its legs and their track numbers (the line's, the last mile's). */
    Journey begin(JourneyStart start);

    /** The journey a track number belongs to, if the sandbox knows it. */
    Optional<Journey> find(String trackNumber);

    /** The events of the leg with this track number that have happened by now, oldest first. */
    List<JourneyEvent> eventsSeen(String trackNumber, Instant now);
}
