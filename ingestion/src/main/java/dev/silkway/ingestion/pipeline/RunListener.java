package dev.silkway.ingestion.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Ties a run ({@code ingestion_fetch_runs}) to the Batch execution carrying it: attaches the execution when it
 * starts (and tells a waiting launcher its id), and records the outcome — the failure's message is what the
 * operator sees, e.g. which credential a marketplace rejected.
 */
@Component
class RunListener implements JobExecutionListener {

    private final FetchRuns runs;
    private final InstanceId instance;
    private final Map<Long, CompletableFuture<Long>> started = new ConcurrentHashMap<>();
    private final Set<Long> executing = ConcurrentHashMap.newKeySet();

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
        return Set.copyOf(executing);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long runId = execution.getJobParameters().getLong("runId");
        executing.add(runId);
        runs.attach(runId, execution.getId(), instance.value());
        whenStarted(runId).complete(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = execution.getJobParameters().getLong("runId");
        forget(runId);
        executing.remove(runId);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            runs.finish(runId, "COMPLETED", null);
        } else {
            runs.finish(runId, "FAILED", failure(execution));
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
