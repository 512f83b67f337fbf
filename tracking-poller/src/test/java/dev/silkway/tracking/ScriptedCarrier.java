package dev.silkway.tracking;

import dev.silkway.tracking.carrier.CarrierApi;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process double of an OUTSIDE carrier platform (never of PostgreSQL or Kafka): it answers with
 * the events scripted per number, in shuffled order, counts the calls it receives per wall-clock
 * second, and can hold calls until released (a poller frozen mid-call).
 */
public final class ScriptedCarrier implements CarrierApi {

    private final String api;
    private final int batchSize;
    private final double callsPerSecond;
    private final Map<String, List<CarrierEvent>> events = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, AtomicInteger> callsPerWallSecond = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> tracked = new ConcurrentHashMap<>();
    private final List<List<TrackedNumber>> registered = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public ScriptedCarrier(String api, int batchSize, double callsPerSecond) {
        this.api = api;
        this.batchSize = batchSize;
        this.callsPerSecond = callsPerSecond;
    }

    public void script(String number, List<CarrierEvent> numberEvents) {
        events.put(number, List.copyOf(numberEvents));
    }

    /** Calls wait from now until {@link #release()}. */
    public void holdCalls() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public Map<Long, Integer> callsEachSecond() {
        Map<Long, Integer> copy = new java.util.TreeMap<>();
        callsPerWallSecond.forEach((second, count) -> copy.put(second, count.get()));
        return copy;
    }

    public int timesTracked(String number) {
        AtomicInteger count = tracked.get(number);
        return count == null ? 0 : count.get();
    }

    public List<List<TrackedNumber>> registrations() {
        return List.copyOf(registered);
    }

    @Override
    public String api() {
        return api;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public double callsPerSecond() {
        return callsPerSecond;
    }

    @Override
    public void register(List<TrackedNumber> numbers) {
        count();
        registered.add(List.copyOf(numbers));
    }

    @Override
    public TrackingBatch track(List<TrackedNumber> numbers) {
        count();
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<TrackedParcel> parcels = new ArrayList<>();
        List<TrackedNumber> unknown = new ArrayList<>();
        for (TrackedNumber number : numbers) {
            tracked.computeIfAbsent(number.trackNumber(), n -> new AtomicInteger())
                    .incrementAndGet();
            List<CarrierEvent> known = events.get(number.trackNumber());
            if (known == null) {
                unknown.add(number);
            } else {
                List<CarrierEvent> shuffled = new ArrayList<>(known);
                Collections.shuffle(shuffled);
                parcels.add(new TrackedParcel(number, shuffled));
            }
        }
        return new TrackingBatch(parcels, unknown);
    }

    private void count() {
        long second = System.currentTimeMillis() / 1000;
        callsPerWallSecond.computeIfAbsent(second, s -> new AtomicInteger()).incrementAndGet();
    }
}
