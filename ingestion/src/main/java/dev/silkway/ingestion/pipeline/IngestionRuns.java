package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.platform.database.TransientFailureRetry;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts and resumes feed runs. A run is claimed in {@code ingestion_fetch_runs} first (at most one
 * RUNNING per feed, across every instance), then carried by a {@code marketplaceIngestJob} execution. A run whose
 * instance died (its heartbeat stopped) is taken over by a live instance and restarted from its checkpoint.
 */
@Component
public class IngestionRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestionRuns.class);

    private final JobOperator jobs;
    private final JobRepository repository;
    private final Job job;
    private final FetchRuns runs;
    private final RunListener listener;
    private final InstanceId instance;
    private final IngestionProperties properties;
    private final TransientFailureRetry retry;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    IngestionRuns(
            JobOperator jobs,
            JobRepository repository,
            Job marketplaceIngestJob,
            FetchRuns runs,
            RunListener listener,
            InstanceId instance,
            IngestionProperties properties,
            TransientFailureRetry retry) {
        this.retry = retry;
        this.jobs = jobs;
        this.repository = repository;
        this.job = marketplaceIngestJob;
        this.runs = runs;
        this.listener = listener;
        this.instance = instance;
        this.properties = properties;
    }

    /** A run that started: its row and its Batch execution. */
    public record Started(long runId, long executionId) {}

    /** Runs the feed now in this thread (the Quartz job); empty if a run of the feed is already RUNNING. */
    public Optional<JobExecution> runAndWait(String feed, String trigger) {
        if (listener.shuttingDown()) {
            log.info("{}: the application is shutting down, this {} trigger is skipped", feed, trigger);
            return Optional.empty();
        }
        Optional<Long> runId = runs.claim(feed, trigger, instance.value());
        if (runId.isEmpty()) {
            log.info("{}: a run is in progress already, this {} trigger is skipped", feed, trigger);
            return Optional.empty();
        }
        try {
            return Optional.of(jobs.start(job, parameters(feed, runId.get())));
        } catch (Exception e) {
            runs.finish(runId.get(), "FAILED", e.toString());
            throw new IllegalStateException("Could not start the run of " + feed, e);
        }
    }

    /** Starts the feed in the background; answers once its execution exists. Empty if one is RUNNING already. */
    public Optional<Started> start(String feed, String trigger) {
        if (listener.shuttingDown()) {
            return Optional.empty();
        }
        Optional<Long> runId = runs.claim(feed, trigger, instance.value());
        if (runId.isEmpty()) {
            return Optional.empty();
        }
        long id = runId.get();
        var started = listener.whenStarted(id);
        executor.submit(() -> {
            try {
                jobs.start(job, parameters(feed, id));
            } catch (Exception e) {
                log.error("{}: run {} could not start", feed, id, e);
                runs.finish(id, "FAILED", e.toString());
                started.completeExceptionally(e);
            }
        });
        return Optional.of(new Started(id, await(started)));
    }

    /** The execution, or null: Spring Batch 6's JDBC DAO throws for an unknown id where its interface promises null. */
    private @Nullable JobExecution execution(long executionId) {
        try {
            return repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException unknown) {
            return null;
        }
    }

    /** Restarts a failed execution from its checkpoint in the background; answers the new execution's id. */
    public Started restart(long executionId) throws RestartRefused {
        JobExecution failed = execution(executionId);
        if (failed == null
                || !MarketplaceIngestJobConfiguration.JOB.equals(
                        failed.getJobInstance().getJobName())) {
            throw RestartRefused.unknown(executionId);
        }
        if (failed.getStatus() != BatchStatus.FAILED && failed.getStatus() != BatchStatus.STOPPED) {
            throw RestartRefused.notFailed(executionId, failed.getStatus().name());
        }
        long runId = failed.getJobParameters().getLong("runId");
        if (!runs.reopen(runId)) {
            throw RestartRefused.running(executionId);
        }
        var started = listener.whenStarted(runId);
        executor.submit(() -> {
            try {
                jobs.restart(failed);
            } catch (Exception e) {
                log.error("Restart of execution {} failed", executionId, e);
                runs.finish(runId, "FAILED", e.toString());
                started.completeExceptionally(e);
            }
        });
        return new Started(runId, await(started));
    }

    /**
     * The heartbeat of the runs executing here, every {@code heartbeat-interval}: a run is only ever taken for dead
     * when its instance stopped beating (crashed), never because one page or chunk is slow.
     */
    @Scheduled(fixedDelayString = "${silkway.ingestion.heartbeat-interval:10s}")
    public void heartbeat() {
        runs.heartbeat(listener.executing(), instance.value());
    }

    /** Resumes the runs whose instance died: marks their execution failed and restarts it from its checkpoint. */
    @Scheduled(
            initialDelayString = "${silkway.ingestion.resume-initial-delay:5s}",
            fixedDelayString = "${silkway.ingestion.heartbeat-interval:10s}")
    public void resumeOrphans() {
        if (listener.shuttingDown()) {
            return; // a run this instance stopped and released is resumed by another one, or by the next start
        }
        var executingHere = listener.executing();
        for (FetchRuns.StaleRun stale : runs.stale(properties.staleAfter())) {
            if (executingHere.contains(stale.runId())
                    || !runs.takeOver(stale.runId(), properties.staleAfter(), instance.value())) {
                continue;
            }
            log.warn("{}: run {} lost its instance; resuming it here from its checkpoint", stale.feed(), stale.runId());
            executor.submit(() -> resume(stale));
        }
    }

    /**
     * Several runs are resumed at once after a crash: each step of the resume that writes the job repository is run
     * again after a serialization failure or a deadlock (none is half-done: each is one transaction), and the
     * repository creates executions at READ COMMITTED ({@code spring.batch.jdbc.isolation-level-for-create}), so
     * concurrent resumes do not fail each other's step creation.
     */
    private void resume(FetchRuns.StaleRun stale) {
        try {
            @Nullable
            JobExecution last = stale.jobExecutionId() == null
                    ? null
                    : retried(() -> repository.getJobExecution(stale.jobExecutionId()));
            if (last == null) {
                retried(() -> jobs.start(job, parameters(stale.feed(), stale.runId())));
                return;
            }
            if (last.isRunning()) {
                JobExecution running = last;
                last = retried(() -> jobs.recover(running));
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                runs.finish(stale.runId(), "COMPLETED", null);
                return;
            }
            JobExecution failed = last;
            retried(() -> jobs.restart(failed));
        } catch (Exception e) {
            log.error("{}: resuming run {} failed", stale.feed(), stale.runId(), e);
            runs.finish(stale.runId(), "FAILED", e.toString());
        }
    }

    /** A job-repository action that may throw checked exceptions, retried after a transient database failure. */
    @FunctionalInterface
    private interface RepositoryAction<T> {
        @Nullable
        T run() throws Exception;
    }

    private <T> @Nullable T retried(RepositoryAction<T> action) throws Exception {
        try {
            return retry.run(() -> {
                try {
                    return action.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure e) {
            throw (Exception) e.getCause();
        }
    }

    /** Carries a checked exception of a {@link RepositoryAction} through the retry, which is never transient. */
    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }

    private static JobParameters parameters(String feed, long runId) {
        return new JobParametersBuilder()
                .addString("feed", feed)
                .addLong("runId", runId)
                .toJobParameters();
    }

    private static long await(java.util.concurrent.CompletableFuture<Long> started) {
        try {
            return started.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The run did not start", e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** A restart the operator asked for that cannot happen. */
    public static final class RestartRefused extends Exception {
        private final int status;

        private RestartRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }

        static RestartRefused unknown(long id) {
            return new RestartRefused(404, "No ingestion execution " + id);
        }

        static RestartRefused notFailed(long id, String status) {
            return new RestartRefused(409, "Execution " + id + " is " + status + "; only a failed one restarts");
        }

        static RestartRefused running(long id) {
            return new RestartRefused(409, "The feed of execution " + id + " is running already");
        }
    }
}
