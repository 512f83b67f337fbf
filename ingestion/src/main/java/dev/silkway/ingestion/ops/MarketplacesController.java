package dev.silkway.ingestion.ops;

import dev.silkway.ingestion.generic.FeedDeclarations;
import dev.silkway.ingestion.generic.FeedFailed;
import dev.silkway.ingestion.schedule.ScheduledJob;
import dev.silkway.ingestion.schedule.Schedules;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/ops/marketplaces}: the feeds with their schedule and last run; declare a generic-JSON feed, try it
 * (dry run), enable/disable and reschedule any feed.
 */
@RestController
@RequestMapping("/api/v1/ops/marketplaces")
class MarketplacesController {

    private final JdbcTemplate jdbc;
    private final Schedules schedules;
    private final FeedDeclarations declarations;

    MarketplacesController(JdbcTemplate jdbc, Schedules schedules, FeedDeclarations declarations) {
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.declarations = declarations;
    }

    record LastRun(
            long runId,
            @Nullable Long executionId,
            String status,
            Instant startedAt,
            @Nullable Instant finishedAt,
            long recordsPublished,
            @Nullable String error) {}

    record MarketplaceView(
            String code,
            String name,
            String protocol,
            boolean enabled,
            String schedule,
            @Nullable LastRun lastRun) {}

    record Change(@Nullable Boolean enabled, @Nullable String schedule) {}

    @Operation(summary = "List the marketplace feeds with their schedule and last run")
    @GetMapping
    List<MarketplaceView> marketplaces() {
        return jdbc.query(
                """
                SELECT m.code, m.name, m.protocol, m.enabled, m.schedule,
                       r.id, r.job_execution_id, r.status, r.started_at, r.finished_at, r.records_published,
                       r.error_message
                FROM marketplaces m
                LEFT JOIN LATERAL (SELECT * FROM ingestion_fetch_runs f WHERE f.marketplace_code = m.code
                                   ORDER BY f.started_at DESC LIMIT 1) r ON true
                ORDER BY m.code
                """,
                (rs, i) -> new MarketplaceView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getObject(6) == null
                                ? null
                                : new LastRun(
                                        rs.getLong(6),
                                        (Long) rs.getObject(7),
                                        rs.getString(8),
                                        rs.getTimestamp(9).toInstant(),
                                        rs.getTimestamp(10) == null
                                                ? null
                                                : rs.getTimestamp(10).toInstant(),
                                        rs.getLong(11),
                                        rs.getString(12))));
    }

    @Operation(summary = "Declare a generic-JSON marketplace feed (ADMIN)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FeedDeclarations.Declared declare(@RequestBody JsonNode body) {
        try {
            return declarations.declare(body);
        } catch (FeedDeclarations.Refused e) {
            if (e.conflict()) {
                throw OpsProblem.conflict(e.getMessage());
            }
            throw OpsProblem.invalid(e.problems().stream()
                    .map(p -> new OpsProblem.FieldError(p.field(), p.message()))
                    .toList());
        }
    }

    @Operation(summary = "Map a feed's first page without storing anything")
    @PostMapping("/{code}/dry-run")
    FeedDeclarations.DryRun dryRun(@PathVariable String code) {
        try {
            return declarations.dryRun(code).orElseThrow(() -> OpsProblem.notFound("Generic-JSON marketplace " + code));
        } catch (FeedFailed e) {
            throw OpsProblem.feedFailed(e.getMessage());
        }
    }

    @Operation(summary = "Enable, disable or reschedule a marketplace feed (ADMIN)")
    @PatchMapping("/{code}")
    MarketplaceView change(@PathVariable String code, @RequestBody Change change) {
        if (change.enabled() == null && change.schedule() == null) {
            throw OpsProblem.invalid("$", "give enabled and/or schedule");
        }
        if (change.schedule() != null
                && (!change.schedule().strip().matches("^\\S+(\\s+\\S+){5,6}$")
                        || !CronExpression.isValidExpression(change.schedule().strip()))) {
            throw OpsProblem.invalid("schedule", "not a Quartz cron expression (6 or 7 fields)");
        }
        int updated = jdbc.update(
                "UPDATE marketplaces SET enabled = COALESCE(?, enabled), schedule = COALESCE(?, schedule),"
                        + " updated_at = now(), version = version + 1 WHERE code = ?",
                change.enabled(),
                change.schedule() == null ? null : change.schedule().strip(),
                code);
        if (updated == 0) {
            throw OpsProblem.notFound("Marketplace " + code);
        }
        schedules.find(ScheduledJob.nameOfFeed(code)).ifPresent(schedules::apply);
        return marketplaces().stream()
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
