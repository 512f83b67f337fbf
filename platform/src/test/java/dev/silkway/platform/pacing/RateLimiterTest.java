package dev.silkway.platform.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Measured on a fake clock: grant times are "now + the wait the limiter asked for". */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void neverGrantsMoreThanTheRateOnASingleThread() {
        AtomicLong now = new AtomicLong(5 * SECOND);
        List<Long> grants = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(10, 1, now::get, wait -> now.addAndGet(wait.toNanos()));
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
            grants.add(now.get());
        }
        assertThat(maxInAnyWindow(grants, SECOND)).isLessThanOrEqualTo(1 + 10);
        assertThat(grants.getLast() - grants.getFirst()).isEqualTo(99 * SECOND / 10);
    }

    @Test
    void neverExceedsRatePlusBurstWithManyThreads() throws Exception {
        long start = 7 * SECOND;
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Long> waited = ThreadLocal.withInitial(() -> 0L);
        RateLimiter limiter = new RateLimiter(20, 5, () -> start, wait -> waited.set(wait.toNanos()));
        CountDownLatch done = new CountDownLatch(8);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        waited.set(0L);
                        limiter.acquire();
                        grants.add(start + waited.get());
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        assertThat(grants).hasSize(400);
        assertThat(maxInAnyWindow(grants, SECOND)).isLessThanOrEqualTo(20 + 5);
        assertThat(maxInAnyWindow(grants, 0)).isLessThanOrEqualTo(5);
    }

    @Test
    void refillsAfterIdleTimeButNotBeyondTheBurst() {
        AtomicLong now = new AtomicLong(0);
        List<Duration> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(2, 2, now::get, waits::add);
        limiter.acquire();
        limiter.acquire();
        now.addAndGet(60 * SECOND);
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();
        assertThat(waits).containsExactly(Duration.ofMillis(500));
    }

    /** The largest number of grants inside any closed window [t, t + width]. */
    static int maxInAnyWindow(List<Long> grants, long width) {
        List<Long> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        int best = 0;
        int left = 0;
        for (int right = 0; right < sorted.size(); right++) {
            while (sorted.get(right) - sorted.get(left) > width) {
                left++;
            }
            best = Math.max(best, right - left + 1);
        }
        return best;
    }
}
