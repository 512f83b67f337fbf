package dev.silkway.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Retry retry = Retry.of(
                    "test call",
                    new Backoff(4, Duration.ofMillis(100), Duration.ofMillis(300), 2.0, 0.5),
                    failure -> failure instanceof IllegalStateException)
            .recordingWaits(waits::add, 0.0);

    @Test
    void retriesARetryableFailureUntilTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String result = retry.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("busy");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void waitsExponentiallyUpToTheLongestBackoffAndThrowsTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.call(() -> {
                    throw new IllegalStateException("attempt " + calls.incrementAndGet());
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("attempt 4");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void neverRetriesAFailureItDoesNotAccept() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.call(() -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("bad request");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void scalesEachWaitByTheJitter() {
        Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.5);

        assertThat(backoff.wait(1, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.wait(1, 1.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.wait(3, 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.wait(10, 0.0)).isEqualTo(Duration.ofSeconds(1));
    }
}
