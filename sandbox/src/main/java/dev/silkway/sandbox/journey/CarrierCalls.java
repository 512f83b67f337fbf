package dev.silkway.sandbox.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The requests each carrier simulator received, per second of the sandbox's clock, for the last hour: what the
 * tracking benchmark reads to check that the poller never went above a carrier's limit in any second. Every request
 * counts, the refused ones too. Each simulator calls {@link #received} first thing.
 */
@Component
public class CarrierCalls {

    static final int SECONDS_KEPT = 3600;

    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public CarrierCalls(Clock clock) {
        this.clock = clock;
    }

    /** One request received by the simulator of {@code api} (17track, cdek-v2, sf-express, russian-post). */
    public void received(String api, double limitPerSecond) {
        counters.computeIfAbsent(api, a -> new Counter(limitPerSecond)).add(clock.millis() / 1000);
    }

    /** Each carrier's limit and calls per second since {@code sinceSecond} (epoch seconds), oldest first. */
    public Map<String, Usage> since(long sinceSecond) {
        Map<String, Usage> usage = new TreeMap<>();
        counters.forEach((api, counter) -> usage.put(api, counter.since(sinceSecond)));
        return usage;
    }

    public void reset() {
        counters.clear();
    }

    public record Usage(double limitPerSecond, long calls, int maxPerSecond, List<Second> seconds) {}

    public record Second(long second, int calls) {}

    private static final class Counter {
        private final double limitPerSecond;
        private final long[] stamps = new long[SECONDS_KEPT];
        private final int[] calls = new int[SECONDS_KEPT];

        Counter(double limitPerSecond) {
            this.limitPerSecond = limitPerSecond;
            java.util.Arrays.fill(stamps, -1);
        }

        synchronized void add(long second) {
            int slot = (int) Math.floorMod(second, (long) SECONDS_KEPT);
            if (stamps[slot] != second) {
                stamps[slot] = second;
                calls[slot] = 0;
            }
            calls[slot]++;
        }

        synchronized Usage since(long sinceSecond) {
            List<Second> seconds = new ArrayList<>();
            for (int slot = 0; slot < SECONDS_KEPT; slot++) {
                if (stamps[slot] >= sinceSecond) {
                    seconds.add(new Second(stamps[slot], calls[slot]));
                }
            }
            seconds.sort(java.util.Comparator.comparingLong(Second::second));
            long total = seconds.stream().mapToLong(Second::calls).sum();
            int max = seconds.stream().mapToInt(Second::calls).max().orElse(0);
            return new Usage(limitPerSecond, total, max, seconds);
        }
    }
}
