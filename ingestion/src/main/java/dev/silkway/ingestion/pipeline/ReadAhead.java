package dev.silkway.ingestion.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source on a thread of its own, ahead of the consumer by at most about {@code maxItems} items and {@code
 * maxWeight} of their weight (the normalize step weighs a record by its raw JSON's length, so a feed of large records
 * reads ahead fewer of them). The normalize step reads and parses the next chunk's raw records here while its own
 * thread waits for PostgreSQL to merge the current one, so that re-ingesting a mostly unchanged catalogue takes little
 * longer than parsing it.
 *
 * <p>Items are handed over in batches of up to {@value #BATCH} (one queue operation per batch, not per item). The
 * source is only ever called on the worker thread. A failure of the source is thrown by {@link #next} once the items
 * before it have been taken. Public for the ingest benchmark, which runs its parse the same way.
 */
public final class ReadAhead<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadAhead.class);
    private static final int BATCH = 256;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** What the worker runs: the next item, or {@code null} at the end. */
    @FunctionalInterface
    public interface Source<T> {
        @Nullable
        T next() throws Exception;
    }

    private record Batch<T>(List<T> items, int weight) {}

    private record End() {}

    private record Failure(Throwable cause) {}

    private final BlockingQueue<Object> handed;
    /** The weight the worker may still read ahead; taken per item, given back when its batch is taken. */
    private final Semaphore room;

    private final int maxWeight;
    private final ToIntFunction<T> weight;
    private final Thread worker;
    /** What the worker read since it last handed a batch over (the worker's own). */
    private List<T> pending = new ArrayList<>(BATCH);

    private int pendingWeight;
    private Iterator<T> batch = Collections.emptyIterator();
    private boolean ended;

    /** Starts the worker thread {@code name} over {@code source}; an item heavier than {@code maxWeight} goes alone. */
    public ReadAhead(String name, int maxItems, int maxWeight, ToIntFunction<T> weight, Source<T> source) {
        this.handed = new ArrayBlockingQueue<>(Math.max(1, maxItems / BATCH) + 1);
        this.room = new Semaphore(maxWeight);
        this.maxWeight = maxWeight;
        this.weight = weight;
        this.worker = Thread.ofPlatform().name(name).daemon().start(() -> produce(source));
    }

    private void produce(Source<T> source) {
        Object last;
        try {
            for (T item = source.next(); item != null; item = source.next()) {
                int w = Math.clamp(weight.applyAsInt(item), 1, maxWeight);
                if (!room.tryAcquire(w)) {
                    handOverPending(); // what is read goes over before waiting, or the consumer waits too
                    room.acquire(w);
                }
                pending.add(item);
                pendingWeight += w;
                if (pending.size() == BATCH) {
                    handOverPending();
                }
            }
            last = new End();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed: nobody takes anything any more
            return;
        } catch (Throwable e) {
            last = new Failure(e);
        }
        try {
            handOverPending(); // the items before a failure are still handed over
            handed.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOverPending() throws InterruptedException {
        if (!pending.isEmpty()) {
            handed.put(new Batch<>(pending, pendingWeight));
            pending = new ArrayList<>(BATCH);
            pendingWeight = 0;
        }
    }

    /**
     * The next item; {@code null} once the source ended (and from then on). Waits while the worker is behind; throws
     * what the source threw.
     */
    @SuppressWarnings("unchecked")
    public @Nullable T next() throws InterruptedException {
        while (!batch.hasNext()) {
            if (ended) {
                return null;
            }
            switch (handed.take()) {
                case End end -> ended = true;
                case Failure failure -> {
                    ended = true;
                    throw rethrow(failure.cause());
                }
                case Batch<?> taken -> {
                    room.release(taken.weight());
                    batch = ((List<T>) taken.items()).iterator();
                }
                default -> throw new IllegalStateException("unexpected hand-over");
            }
        }
        return batch.next();
    }

    private static RuntimeException rethrow(Throwable cause) {
        return switch (cause) {
            case RuntimeException e -> e;
            case Error e -> throw e;
            default -> new IllegalStateException(cause.getMessage(), cause);
        };
    }

    /** Stops the worker (interrupting it) and waits for it to end; what it had read ahead is dropped. */
    @Override
    public void close() {
        worker.interrupt(); // also ends a wait for room
        handed.clear(); // unblocks a worker waiting to hand over a batch
        try {
            if (!worker.join(STOP_WAIT)) {
                log.warn("{} did not stop within {}", worker.getName(), STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handed.clear();
        ended = true;
        batch = Collections.emptyIterator();
    }
}
