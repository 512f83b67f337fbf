package dev.silkway.ingestion.ops;

import dev.silkway.ingestion.pipeline.IngestionRuns;
import dev.silkway.ingestion.schedule.ScheduledJob;
import dev.silkway.ingestion.schedule.Schedules;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/executions}: list, detail (per-step counts, progress), restart from the checkpoint (not of a
 * disabled feed, nor a carrier job's run: 409). The carrier jobs' runs are executions too (one step, "poll").
 */
@RestController
@RequestMapping("/api/v1/ops/executions")
class ExecutionsController {

    private static final Set<String> STATUSES =
            Set.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED", "UNKNOWN");

    private final ExecutionQueries executions;
    private final IngestionRuns runs;
    private final Schedules schedules;

    ExecutionsController(ExecutionQueries executions, IngestionRuns runs, Schedules schedules) {
        this.schedules = schedules;
        this.executions = executions;
        this.runs = runs;
    }

    @Operation(summary = "List job executions")
    @GetMapping
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String job,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        if (status != null && !STATUSES.contains(status.toUpperCase(java.util.Locale.ROOT))) {
            throw OpsProblem.invalid("status", "one of " + STATUSES);
        }
        return ExecutionQueries.items(executions.list(job, status, page, size));
    }

    @Operation(summary = "Read an execution with its per-step counts and progress")
    @GetMapping("/{id}")
    ExecutionQueries.Detail detail(@PathVariable long id) {
        return executions.detail(id).orElseThrow(() -> OpsProblem.notFound("Execution " + id));
    }

    @Operation(summary = "Restart a failed execution from its checkpoint")
    @PostMapping("/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> restart(@PathVariable long id) {
        var detail = executions.detail(id);
        String opsJob = detail.map(d -> d.execution().job()).orElse(null);
        if (opsJob != null && CarrierJobs.isCarrierJob(opsJob)) {
            throw OpsProblem.conflict("a carrier job's run has no checkpoint to restart from: POST /api/v1/ops/jobs/"
                    + opsJob + "/runs starts a new one");
        }
        String feed = detail.map(d -> d.execution().marketplace()).orElse(null);
        if (feed != null
                && schedules
                        .find(ScheduledJob.nameOfFeed(feed))
                        .filter(job -> !job.enabled())
                        .isPresent()) {
            throw OpsProblem.conflict(feed + " is disabled: an admin enables it before it runs");
        }
        try {
            IngestionRuns.Started started = runs.restart(id);
            return Map.of("executionId", started.executionId(), "runId", started.runId());
        } catch (IngestionRuns.RestartRefused e) {
            throw e.status() == 404 ? OpsProblem.notFound("Execution " + id) : OpsProblem.conflict(e.getMessage());
        }
    }
}
