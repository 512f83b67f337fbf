package dev.silkway.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void handsOverEveryItemInTheSourcesOrderThenEnds() throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer> ahead =
                unweighed("test-in-order", 100, () -> next.get() < 1_001 ? next.getAndIncrement() : null)) {
            for (Integer i = ahead.next(); i != null; i = ahead.next()) {
                taken.add(i);
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(taken).hasSize(1_001).isSorted().startsWith(0).endsWith(1_000);
    }

    @Test
    void throwsTheSourcesFailureOnceTheItemsBeforeItAreTaken() throws Exception {
        AtomicInteger next = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("raw topic unreachable");
        try (ReadAhead<Integer> ahead = unweighed("test-failure", 1_000, () -> {
            if (next.get() == 300) {
                throw broken;
            }
            return next.getAndIncrement();
        })) {
            for (int i = 0; i < 300; i++) {
                assertThat(ahead.next()).isEqualTo(i);
            }
            assertThatThrownBy(ahead::next).isSameAs(broken);
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void wrapsACheckedFailureWithItsMessage() throws Exception {
        try (ReadAhead<Integer> ahead = unweighed("test-checked", 10, () -> {
            throw new java.io.IOException("connection reset");
        })) {
            assertThatThrownBy(ahead::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("connection reset")
                    .hasCauseInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void readsAtMostAboutItsCapacityAheadOfTheConsumer() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        try (ReadAhead<Integer> ahead = unweighed("test-bounded", 2_000, produced::getAndIncrement)) {
            assertThat(ahead.next()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> workerWaiting("test-bounded"));
            // the queue's batches, the batch taken, the one being built and the one waiting to be handed over
            assertThat(produced.get()).isBetween(2_000, 2_000 + 4 * 256);
        }
    }

    @Test
    void readsFewerItemsAheadWhenTheyWeighMore() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        try (ReadAhead<Integer> ahead =
                new ReadAhead<>("test-weighed", 10_000, 1_000, item -> 100, produced::getAndIncrement)) {
            assertThat(ahead.next()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> workerWaiting("test-weighed"));
            // room for 10 items of weight 100, the batch taken (given back), and the one waiting for room
            assertThat(produced.get()).isBetween(10, 10 + 10 + 1);
            for (int i = 1; i < 500; i++) {
                assertThat(ahead.next()).isEqualTo(i);
            }
        }
    }

    @Test
    void closeStopsAWorkerThatIsAheadOfAnEndlessSource() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        ReadAhead<Integer> ahead = unweighed("test-close", 500, produced::getAndIncrement);
        assertThat(ahead.next()).isZero();
        ahead.close();
        assertThat(workerAlive("test-close")).isFalse();
        int afterClose = produced.get();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> produced.get() == afterClose);
        assertThat(ahead.next()).isNull();
    }

    private static <T> ReadAhead<T> unweighed(String name, int maxItems, ReadAhead.Source<T> source) {
        return new ReadAhead<>(name, maxItems, maxItems, item -> 1, source);
    }

    /** The worker is blocked: on a full queue or waiting for room (its source here never waits). */
    private static boolean workerWaiting(String name) {
        return worker(name).anyMatch(t -> t.getState() == Thread.State.WAITING);
    }

    private static boolean workerAlive(String name) {
        return worker(name).anyMatch(Thread::isAlive);
    }

    private static java.util.stream.Stream<Thread> worker(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name));
    }
}
