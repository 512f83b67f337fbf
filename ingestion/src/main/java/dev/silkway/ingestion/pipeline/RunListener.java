package dev.silkway.ingestion.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Ties a run ({@code ingestion_fetch_runs}) to the Batch execution carrying it: attaches the execution when it
 * starts (and tells a waiting launcher its id), and records the outcome — the failure's message is what the
 * operator sees, e.g. which credential a marketplace rejected. While the application shuts down
 * ({@link StopRunsOnShutdown}) it stops the runs executing here at their next chunk or page and leaves them claimed
 * for a resume, instead of failing them.
 */
@Component
class RunListener implements JobExecutionListener {

    private final FetchRuns runs;
    private final InstanceId instance;
    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    private final Map<Long, CompletableFuture<Long>> started = new ConcurrentHashMap<>();
    /** The live execution of each run executing in this JVM, by run id. */
    private final Map<Long, JobExecution> executing = new ConcurrentHashMap<>();

    private volatile boolean shuttingDown;

    RunListener(FetchRuns runs, InstanceId instance) {
        this.runs = runs;
        this.instance = instance;
    }

    CompletableFuture<Long> whenStarted(long runId) {
        return started.computeIfAbsent(runId, id -> new CompletableFuture<>());
    }

    void forget(long runId) {
        started.remove(runId);
    }

    /** The runs whose execution is running in this JVM: their heartbeat is kept up by {@link IngestionRuns}. */
    Set<Long> executing() {
        return Set.copyOf(executing.keySet());
    }

    /** True once the application shuts down: no run starts or resumes here any more. */
    boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * Asks every run executing here to stop at its next chunk (normalize, translate) or page (fetch), as {@code
     * JobOperator.stop} would, but only on the live executions: their own threads then save the step STOPPED with
     * its checkpoint. {@code JobOperator.stop} of Batch 6 also writes the running step's execution and context from
     * the caller's thread, which races the step's own chunk commit (an optimistic-locking failure there leaves the
     * step in an unknown state, the very failure this avoids).
     */
    void stopAll() {
        shuttingDown = true;
        for (JobExecution execution : executing.values()) {
            stop(execution);
        }
    }

    private static void stop(JobExecution execution) {
        execution.setStatus(BatchStatus.STOPPING); // the job starts no further step
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setTerminateOnly(); // the step ends after its current chunk commits
            }
        }
    }

    /** Waits until no run executes here any more, at most {@code timeout}; true if none does. */
    boolean awaitNoneExecuting(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (executing) {
            while (!executing.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(executing, left);
            }
        }
        return true;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long runId = execution.getJobParameters().getLong("runId");
        executing.put(runId, execution);
        runs.attach(runId, execution.getId(), instance.value());
        whenStarted(runId).complete(execution.getId());
        if (shuttingDown) {
            stop(execution); // started while the application stops: it stops before its first step
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = execution.getJobParameters().getLong("runId");
        forget(runId);
        try {
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                runs.finish(runId, "COMPLETED", null);
            } else if (shuttingDown) {
                runs.release(runId);
                log.info(
                        "Run {} (execution {}) {} at shutdown; left claimed, it resumes from its checkpoint on the"
                                + " next start or on another instance",
                        runId,
                        execution.getId(),
                        execution.getStatus());
            } else {
                runs.finish(runId, "FAILED", failure(execution));
            }
        } finally {
            synchronized (executing) {
                executing.remove(runId);
                executing.notifyAll();
            }
        }
    }

    static String failure(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return t.getMessage() != null ? t.getMessage() : root.toString();
        }
        return execution.getExitStatus().getExitDescription();
    }
}
