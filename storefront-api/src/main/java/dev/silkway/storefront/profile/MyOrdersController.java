package dev.silkway.storefront.profile;

import dev.silkway.storefront.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's order history, newest first, optionally of one status (checkout places the orders). */
@RestController
@Validated
class MyOrdersController {

    private final JdbcClient jdbc;

    MyOrdersController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "List my orders, newest first")
    @GetMapping("/api/v1/me/orders")
    Page orders(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,32}") @Nullable String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        UUID userId = UUID.fromString(jwt.getSubject());
        long total = jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ? AND (?::text IS NULL OR status = ?)")
                .params(userId, status, status)
                .query(Long.class)
                .single();
        List<OrderSummary> items = jdbc.sql("""
                        SELECT id, order_number, status, total_minor, currency, created_at FROM orders
                        WHERE user_id = ? AND (?::text IS NULL OR status = ?)
                        ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")
                .params(userId, status, status, size, (long) page * size)
                .query((rs, n) -> new OrderSummary(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getString(3),
                        Money.of(rs.getLong(4), rs.getString(5)),
                        rs.getTimestamp(6).toInstant()))
                .list();
        return new Page(items, total);
    }

    record Page(List<OrderSummary> items, long total) {}

    record OrderSummary(UUID id, long number, String status, Money total, Instant createdAt) {}
}
