package dev.silkway.sandbox.carriers;

import dev.silkway.sandbox.journey.JourneyEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numbers a simulator pushes callbacks for, each due when its next event happens: {@link #due} takes the numbers
 * whose next event has happened and schedules each again at the event after it (or drops it after its last). At most
 * {@code capacity} numbers are watched.
 */
public final class PushSchedule {

    private record Entry(Instant at, String number) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : number.compareTo(other.number);
        }
    }

    private final CarrierEvents events;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Instant> watched = new HashMap<>();
    private final TreeSet<Entry> queue = new TreeSet<>();

    public PushSchedule(CarrierEvents events, Clock clock, int capacity) {
        this.events = events;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Watches a number from now on; false when the schedule is full. Watching it again changes nothing. */
    public synchronized boolean watch(String number) {
        if (watched.containsKey(number)) {
            return true;
        }
        if (watched.size() >= capacity) {
            return false;
        }
        schedule(number, clock.instant());
        return true;
    }

    public synchronized boolean watches(String number) {
        return watched.containsKey(number);
    }

    /** The numbers with a new event since their last push (at most {@code max}), each scheduled again. */
    public synchronized List<String> due(int max) {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        while (due.size() < max && !queue.isEmpty() && !queue.first().at().isAfter(now)) {
            Entry entry = queue.pollFirst();
            watched.remove(entry.number());
            due.add(entry.number());
            schedule(entry.number(), now);
        }
        return due;
    }

    public synchronized int size() {
        return watched.size();
    }

    private void schedule(String number, Instant after) {
        for (JourneyEvent event : events.all(number)) {
            if (event.at().isAfter(after)) {
                watched.put(number, event.at());
                queue.add(new Entry(event.at(), number));
                return;
            }
        }
    }
}
