package dev.silkway.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steady write load: a few writers, each paced to its share of the rate, every write with a fresh
 * client-generated id. Keeps every acknowledged write (key, start and acknowledgement time).
 */
final class LoadGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);

    /** An acknowledged write. Times are {@link System#nanoTime()}. */
    record Ack(String key, long startNanos, long ackNanos) {

        long latencyMillis() {
            return (ackNanos - startNanos) / 1_000_000;
        }
    }

    private final WriteTarget target;
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    private LoadGenerator(WriteTarget target) {
        this.target = target;
    }

    static LoadGenerator start(WriteTarget target, int writers, int writesPerSecond) {
        LoadGenerator load = new LoadGenerator(target);
        long interval = writers * 1_000_000_000L / Math.max(1, writesPerSecond);
        for (int i = 0; i < writers; i++) {
            load.writers.add(
                    Thread.ofPlatform().name("drill-writer-" + i).daemon().start(() -> load.write(interval)));
        }
        return load;
    }

    private void write(long intervalNanos) {
        long next = System.nanoTime();
        while (running) {
            UUID id = UUID.randomUUID();
            long start = System.nanoTime();
            try {
                String key = target.write(id);
                acks.add(new Ack(key, start, System.nanoTime()));
            } catch (Exception e) {
                failures.incrementAndGet();
                lastFailure.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.debug("Write {} failed: {}", id, e.toString());
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime(); // behind after an outage: no burst to catch up
            }
        }
    }

    /** Waits for the first acknowledgement that matches; empty after {@code timeout}. */
    Optional<Ack> await(Predicate<Ack> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Ack> first =
                    acks.stream().filter(condition).min(java.util.Comparator.comparingLong(Ack::ackNanos));
            if (first.isPresent()) {
                return first;
            }
            LocalCluster.pause(20);
        }
        return Optional.empty();
    }

    /** The acknowledged writes so far, those acknowledged in [from, to] when bounds are given. */
    List<Ack> acknowledged(long fromNanos, long toNanos) {
        return acks.stream()
                .filter(a -> a.ackNanos() >= fromNanos && a.ackNanos() <= toNanos)
                .toList();
    }

    long failures() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure.get();
    }

    @Override
    public void close() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(Duration.ofSeconds(70));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
