package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.config.IngestionProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM (context close), stops the ingestion runs executing here before anything they use goes away: it is the
 * first lifecycle to stop (phase {@link Integer#MAX_VALUE}: before the web server's graceful shutdown, before Camel,
 * whose routes own the Kafka producers, and before the connection pool, which is closed only once every lifecycle
 * has stopped). Each run's step ends at its next chunk or page with its checkpoint saved, its execution STOPPED, and
 * its claim in {@code ingestion_fetch_runs} left for the next start or another instance to resume. The wait is bounded
 * by {@code silkway.ingestion.runs-stop-timeout}; it blocks the close (the synchronous {@link #stop()}), so the
 * shutdown-phase timeout does not cut it short. A run still working past it is cut as a crash is, and resumed as one.
 */
@Component
class StopRunsOnShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StopRunsOnShutdown.class);

    private final RunListener runs;
    private final Duration timeout;
    private volatile boolean running;

    StopRunsOnShutdown(RunListener runs, IngestionProperties properties) {
        this.runs = runs;
        this.timeout = properties.runsStopTimeout();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        var executing = runs.executing();
        runs.stopAll();
        if (executing.isEmpty()) {
            return;
        }
        log.info("Shutting down: stopping runs {} at their next chunk or page (waiting up to {})", executing, timeout);
        try {
            if (runs.awaitNoneExecuting(timeout)) {
                log.info("Runs {} stopped with their checkpoint; they resume on the next start", executing);
            } else {
                log.warn(
                        "Runs {} did not stop within {}; they are resumed from their last checkpoint as after a crash",
                        runs.executing(),
                        timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
