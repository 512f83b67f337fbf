package dev.silkway.ingestion.ops;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/ops/quarantine} (rejected records) and {@code /api/v1/ops/categories/unmapped}. */
@RestController
@RequestMapping("/api/v1/ops")
class QuarantineController {

    private final JdbcTemplate jdbc;

    QuarantineController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Rejected(
            long id,
            String marketplace,
            long executionId,
            @Nullable String externalId,
            String reasonCode,
            String reason,
            @Nullable String field,
            String rawPayload,
            Instant quarantinedAt) {}

    record Unmapped(
            String marketplace,
            String externalId,
            String name,
            @Nullable String fullPath,
            long products) {}

    @Operation(summary = "List quarantined records with their reason")
    @GetMapping("/quarantine")
    Map<String, Object> quarantine(
            @RequestParam(required = false) @Nullable String marketplace,
            @RequestParam(required = false) @Nullable Long executionId,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (marketplace != null) {
            where.add("marketplace_code = ?");
            args.add(marketplace);
        }
        if (executionId != null) {
            where.add("job_execution_id = ?");
            args.add(executionId);
        }
        if (reason != null) {
            where.add("reason_code = ?");
            args.add(reason);
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total =
                jdbc.queryForObject("SELECT count(*) FROM quarantined_records" + clause, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Rejected> items = jdbc.query(
                "SELECT id, marketplace_code, job_execution_id, external_id, reason_code, reason, field, raw_payload,"
                        + " quarantined_at FROM quarantined_records" + clause
                        + " ORDER BY quarantined_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Rejected(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()),
                args.toArray());
        return Map.of("items", items, "total", total);
    }

    @Operation(summary = "List marketplace categories mapped to no unified category")
    @GetMapping("/categories/unmapped")
    Map<String, Object> unmapped(@RequestParam(required = false) @Nullable String marketplace) {
        List<Unmapped> items = jdbc.query(
                """
                SELECT mc.marketplace_code, mc.external_id, mc.name, mc.full_path,
                       (SELECT count(*) FROM products p WHERE p.marketplace_category_id = mc.id)
                FROM marketplace_categories mc
                WHERE mc.category_id IS NULL AND (CAST(? AS text) IS NULL OR mc.marketplace_code = ?)
                ORDER BY mc.marketplace_code, mc.first_seen_at
                """,
                (rs, i) ->
                        new Unmapped(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
                marketplace,
                marketplace);
        return Map.of("items", items, "total", items.size());
    }
}
