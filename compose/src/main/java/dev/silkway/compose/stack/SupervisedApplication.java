package dev.silkway.compose.stack;

import dev.silkway.localprocess.JavaChild;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application of the stack under supervision: when its process exits while the stack runs (an
 * {@code OutOfMemoryError} with {@code -XX:+ExitOnOutOfMemoryError}, a crash, a kill), it is started
 * again after the {@link RestartPolicy}'s back-off, and the runner says so. {@link #close()} stops it
 * for good.
 */
final class SupervisedApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedApplication.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /**
     * How long a stopping application may take before it is killed: ingestion's Camel waits up to 45 s
     * for the pages in flight (a marketplace's rate limit slows them), then Spring stops the rest. Killed
     * at 30 s, it left its runs to a crash recovery instead of a clean stop.
     */
    private static final Duration STOP_GRACE = Duration.ofSeconds(90);

    private final StackApplication app;
    private final Supplier<JavaChild> launcher;
    private final RestartPolicy policy;
    private final ScheduledExecutorService restarts;
    private JavaChild child;
    private Instant startedAt;
    private Duration backOff = Duration.ZERO;
    private int restartCount;
    private boolean stopped;

    private SupervisedApplication(StackApplication app, Supplier<JavaChild> launcher, RestartPolicy policy) {
        this.app = app;
        this.launcher = launcher;
        this.policy = policy;
        this.restarts = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(app.name() + "-supervisor").daemon().factory());
    }

    /** Starts the application; it is watched from now on. */
    static SupervisedApplication start(StackApplication app, Supplier<JavaChild> launcher, RestartPolicy policy) {
        SupervisedApplication supervised = new SupervisedApplication(app, launcher, policy);
        supervised.launch();
        return supervised;
    }

    private synchronized void launch() {
        child = launcher.get();
        startedAt = Instant.now();
        JavaChild watched = child;
        ProcessHandle.of(watched.pid()).ifPresent(handle -> handle.onExit().thenRun(() -> exited(watched)));
    }

    private synchronized void exited(JavaChild dead) {
        if (stopped || dead != child) {
            return;
        }
        backOff = policy.next(backOff, Duration.between(startedAt, Instant.now()));
        restartCount++;
        log.warn(
                "{} (pid {}) exited; restarting it in {} s (restart {}), see {}",
                app.name(),
                dead.pid(),
                backOff.toMillis() / 1000.0,
                restartCount,
                dead.logFile());
        restarts.schedule(this::restart, backOff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        JavaChild restarted;
        synchronized (this) {
            if (stopped) {
                return;
            }
            launch();
            restarted = child;
        }
        try {
            restarted.awaitReady(() -> Health.isUp(app.url()), READY_TIMEOUT);
            log.info("{} is back: healthy again at {} (pid {})", app.name(), app.url(), restarted.pid());
        } catch (RuntimeException e) {
            log.warn("{} did not come back healthy: {}", app.name(), firstLine(e.getMessage()));
        }
    }

    /** Waits until the first start is healthy; fails with the log's tail if it dies or takes too long. */
    void awaitReady() {
        JavaChild first;
        synchronized (this) {
            first = child;
        }
        first.awaitReady(() -> Health.isUp(app.url()), READY_TIMEOUT);
    }

    synchronized long pid() {
        return child.pid();
    }

    StackApplication app() {
        return app;
    }

    @Override
    public void close() {
        JavaChild last;
        synchronized (this) {
            stopped = true;
            last = child;
        }
        restarts.shutdownNow();
        last.stop(STOP_GRACE);
    }

    @Override
    public String toString() {
        return app.name();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
