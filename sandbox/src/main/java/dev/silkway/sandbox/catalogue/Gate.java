package dev.silkway.sandbox.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * What happens to a request before it is served: the per-app-key rate limit (a token bucket of one second's worth
 * of permits), then the configured random faults, drawn from a seeded per-platform counter so a run is repeatable.
 * A slow answer is delayed here and then served normally. A test may script the verdicts of a service's next
 * requests ({@link #script}); they come before the rate limit and the random draws.
 */
@Component
public class Gate {

    public enum Verdict {
        PASS,
        RATE_LIMITED,
        SERVER_ERROR
    }

    /** A scripted verdict: PASS with a delay is a slow answer. */
    public record Scripted(Verdict verdict, Duration delay) {

        public Scripted {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }
    }

    private final SandboxProperties properties;
    private final FaultSettings faults;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, Queue<Scripted>> scripts = new ConcurrentHashMap<>();

    public Gate(SandboxProperties properties, FaultSettings faults, Clock clock) {
        this.properties = properties;
        this.faults = faults;
        this.clock = clock;
    }

    public Verdict admit(Platform platform, String appKey) {
        return admit(platform.name(), platform.ordinal(), appKey, properties.rateLimitPerSecond());
    }

    /**
     * The same for a service that is not a marketplace (the translator): {@code stream} seeds its own fault draws
     * and {@code perSecond} is its own rate limit per key.
     */
    public Verdict admit(String service, int stream, String appKey, double perSecond) {
        Scripted scripted =
                scripts.getOrDefault(service, new ConcurrentLinkedQueue<>()).poll();
        if (scripted != null) {
            if (!scripted.delay().isZero()) {
                LockSupport.parkNanos(scripted.delay().toNanos());
            }
            return scripted.verdict();
        }
        Bucket bucket = buckets.computeIfAbsent(service + "/" + appKey, key -> new Bucket(perSecond));
        if (!bucket.tryTake(clock.millis())) {
            return Verdict.RATE_LIMITED;
        }
        SandboxProperties.FaultRates rates = faults.current();
        long n = requests.computeIfAbsent(service, p -> new AtomicLong()).getAndIncrement();
        double draw = Hashing.unit(Hashing.mix(properties.seed(), stream, n, 0x67617465L));
        if (draw < rates.rateLimit()) {
            return Verdict.RATE_LIMITED;
        }
        if (draw < rates.rateLimit() + rates.serverError()) {
            return Verdict.SERVER_ERROR;
        }
        if (draw < rates.rateLimit() + rates.serverError() + rates.slow()
                && !rates.slowDelay().isZero()) {
            LockSupport.parkNanos(rates.slowDelay().toNanos());
        }
        return Verdict.PASS;
    }

    /** The verdicts of {@code service}'s next requests, in order, replacing any left from an earlier script. */
    public void script(String service, List<Scripted> next) {
        scripts.put(service, new ConcurrentLinkedQueue<>(next));
    }

    /** Forget the buckets, counters and scripts (tests). */
    public void reset() {
        buckets.clear();
        requests.clear();
        scripts.clear();
    }

    private static final class Bucket {
        private final double perMilli;
        private final double capacity;
        private double tokens;
        private long last = Long.MIN_VALUE;

        Bucket(double perSecond) {
            this.perMilli = perSecond / 1000;
            this.capacity = Math.max(1, perSecond);
            this.tokens = capacity;
        }

        synchronized boolean tryTake(long now) {
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            }
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
