package dev.silkway.ingestion.ops;

import dev.silkway.ingestion.pipeline.IngestionRuns;
import dev.silkway.ingestion.rates.ExchangeRatesJob;
import dev.silkway.ingestion.schedule.ScheduledJob;
import dev.silkway.ingestion.schedule.Schedules;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/jobs}: every scheduled job with its cron, next fire time and last execution (the tracking
 * poller's carrier jobs too: {@link CarrierJobs}); reschedule (ADMIN); run now (not a disabled feed: 409). A
 * carrier job's new schedule and run are handed to the tracking poller, which owns its scheduler.
 */
@RestController
@RequestMapping("/api/v1/ops/jobs")
class JobsController {

    private final Schedules schedules;
    private final IngestionRuns runs;
    private final ExchangeRatesJob rates;
    private final ExecutionQueries executions;
    private final CarrierJobs carriers;

    JobsController(
            Schedules schedules,
            IngestionRuns runs,
            ExchangeRatesJob rates,
            ExecutionQueries executions,
            CarrierJobs carriers) {
        this.schedules = schedules;
        this.carriers = carriers;
        this.runs = runs;
        this.rates = rates;
        this.executions = executions;
    }

    record JobView(
            String name,
            @Nullable String marketplace,
            String cron,
            String timeZone,
            boolean enabled,
            @Nullable Instant nextFireTime,
            ExecutionQueries.@Nullable Summary lastExecution) {}

    record ScheduleChange(@NotBlank String cron) {}

    @Operation(
            summary = "List the scheduled jobs (the feeds', and the tracking poller's carrier jobs) with their cron,"
                    + " next fire time and last execution")
    @GetMapping
    List<JobView> jobs() {
        List<JobView> jobs = new java.util.ArrayList<>(
                schedules.declared().stream().map(this::view).toList());
        jobs.addAll(carriers.views());
        return jobs;
    }

    @Operation(
            summary = "Change a job's schedule (ADMIN)",
            description = "A feed's or the exchange rates' trigger changes at once. A carrier job"
                    + " (tracking-poll-<api>) runs on the new cron (UTC) once the tracking poller applied it, within"
                    + " seconds; until then GET shows the cron it still runs on.")
    @PutMapping("/{name}/schedule")
    JobView reschedule(@PathVariable String name, @Valid @RequestBody ScheduleChange change, Principal admin) {
        String cron = change.cron().strip();
        if (!cron.matches("^\\S+(\\s+\\S+){5,6}$") || !CronExpression.isValidExpression(cron)) {
            throw OpsProblem.invalid("cron", "not a Quartz cron expression (6 or 7 fields, e.g. \"0 0 * * * ?\")");
        }
        if (CarrierJobs.isCarrierJob(name)) {
            return carriers.reschedule(name, cron, admin.getName())
                    .orElseThrow(() -> OpsProblem.notFound("Job " + name));
        }
        if (!schedules.reschedule(name, cron)) {
            throw OpsProblem.notFound("Job " + name);
        }
        return view(schedules.find(name).orElseThrow());
    }

    @Operation(
            summary = "Run a job now",
            description = "A carrier job (tracking-poll-<api>) makes every open leg of its carrier API due now and"
                    + " polls them at once; its executionId is the id of the poll run the tracking poller started"
                    + " for it (503 when no poller took it within 30 s).")
    @PostMapping("/{name}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> run(@PathVariable String name, Principal operator) {
        if (CarrierJobs.isCarrierJob(name)) {
            long run = carriers.run(name, operator.getName()).orElseThrow(() -> OpsProblem.notFound("Job " + name));
            return Map.of("executionId", run);
        }
        ScheduledJob job = schedules.find(name).orElseThrow(() -> OpsProblem.notFound("Job " + name));
        if (!job.enabled()) {
            throw OpsProblem.conflict(name + " is disabled: an admin enables it before it runs");
        }
        if (job.feed() == null) {
            long before = executions.latestId("exchangeRatesJob");
            CompletableFuture.runAsync(() -> rates.runAndWait("MANUAL"));
            return Map.of("executionId", executions.awaitNewer("exchangeRatesJob", before));
        }
        IngestionRuns.Started started = runs.start(job.feed(), "MANUAL")
                .orElseThrow(() -> OpsProblem.conflict("A run of " + job.feed() + " is in progress"));
        return Map.of("executionId", started.executionId(), "runId", started.runId());
    }

    private JobView view(ScheduledJob job) {
        return new JobView(
                job.name(),
                job.feed(),
                job.cron(),
                job.timeZone(),
                job.enabled(),
                schedules.nextFireTime(job.name()),
                executions.latestOf(job.name()).orElse(null));
    }
}
