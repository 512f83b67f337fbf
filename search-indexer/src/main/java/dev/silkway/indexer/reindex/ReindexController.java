package dev.silkway.indexer.reindex;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' reindex endpoint: {@code POST} starts a full reindex (202 with the run and its
 * Location), {@code GET .../{id}} shows its progress. Both need a storefront access token with the OPERATOR or ADMIN
 * role (platform's {@code ResourceServerAutoConfiguration}): no token is a 401, a shopper's a 403.
 * The indexer's port stays internal all the same (not exposed to shoppers).
 */
@RestController
@RequestMapping("/api/v1/ops/search/reindex")
class ReindexController {

    private final Reindexer reindexer;

    ReindexController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @Operation(summary = "Start a full reindex into a new index")
    @PostMapping
    ResponseEntity<?> start() {
        return reindexer
                .start()
                .<ResponseEntity<?>>map(started -> ResponseEntity.accepted()
                        .location(URI.create(
                                "/api/v1/ops/search/reindex/" + started.run().id()))
                        .body(RunView.of(started.run())))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT, "A reindex is already running; follow its progress instead.");
                    problem.setTitle("Reindex already running");
                    reindexer.running().ifPresent(run -> problem.setProperty("runId", run.id()));
                    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
                });
    }

    @Operation(summary = "Follow a reindex run")
    @GetMapping("/{id}")
    ResponseEntity<?> progress(@PathVariable long id) {
        return reindexer
                .find(id)
                .<ResponseEntity<?>>map(run -> ResponseEntity.ok(RunView.of(run)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No reindex run " + id + ".")));
    }

    record RunView(
            long id,
            String alias,
            String targetIndex,
            String status,
            int progressPercent,
            Long totalProducts,
            long indexedCount,
            long failedCount,
            Long lastProductId,
            String errorMessage,
            String startedAt,
            String heartbeatAt,
            String finishedAt) {

        static RunView of(ReindexRun run) {
            return new RunView(
                    run.id(),
                    run.alias(),
                    run.targetIndex(),
                    run.status(),
                    run.progressPercent(),
                    run.totalProducts(),
                    run.indexedCount(),
                    run.failedCount(),
                    run.lastProductId(),
                    run.errorMessage(),
                    run.startedAt().toString(),
                    run.heartbeatAt().toString(),
                    run.finishedAt() == null ? null : run.finishedAt().toString());
        }
    }
}
