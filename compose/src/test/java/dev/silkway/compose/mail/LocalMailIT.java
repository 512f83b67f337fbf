package dev.silkway.compose.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's mail server stays idle after the runner's readiness checks: a bare TCP connect and close
 * to GreenMail's IMAP port made its handler spin on the closed socket, a whole core for ever.
 */
class LocalMailIT {

    /** CPU time a JVM doing nothing may use in the window (timers, a GC): far below a spinning thread's. */
    private static final Duration IDLE_CPU = Duration.ofMillis(300);

    private static final Duration WINDOW = Duration.ofSeconds(4);

    private Path state;
    private LocalMail mail;

    @BeforeEach
    void startTheStacksMailServer() throws IOException {
        state = Files.createTempDirectory("silkway-mail-");
        mail = LocalMail.start(state, 0, 0);
    }

    @AfterEach
    void stopIt() throws IOException {
        mail.close();
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void staysIdleAfterTheRunnersReadinessChecks() {
        for (int probe = 0; probe < 5; probe++) {
            assertThat(mail.answers()).isTrue();
        }
        // Settled: the JVM's own start-up work (JIT, class loading) is over before the window opens.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(new CpuWindow(mail.pid())::idleSinceLastPoll);

        Duration before = ProcessCpu.of(mail.pid());
        await().during(WINDOW)
                .atMost(WINDOW.plusSeconds(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ProcessCpu.of(mail.pid()).minus(before).compareTo(IDLE_CPU) < 0);

        assertThat(mail.answers()).isTrue();
    }

    /** Whether the process used less than a tenth of a core between two consecutive polls. */
    private static final class CpuWindow {
        private final long pid;
        private Duration last;
        private long lastNanos;

        CpuWindow(long pid) {
            this.pid = pid;
            this.last = ProcessCpu.of(pid);
            this.lastNanos = System.nanoTime();
        }

        boolean idleSinceLastPoll() {
            Duration now = ProcessCpu.of(pid);
            long nanos = System.nanoTime();
            boolean idle = now.minus(last).toNanos() * 10 < nanos - lastNanos;
            last = now;
            lastNanos = nanos;
            return idle;
        }
    }
}
