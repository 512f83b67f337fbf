package dev.silkway.storefront.fulfilment;

import static dev.silkway.storefront.fulfilment.Purchases.at;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The send queue that purchases and parcels share (V77): PENDING rows due at {@code next_attempt_at}, claimed by
 * pushing that time a lease ahead (counted as an attempt), so another run or instance leaves a row alone while it is
 * being sent; a failure sets the next try and the error.
 */
final class RequestQueue {

    private final JdbcClient jdbc;
    private final String table;

    /** {@code table}: a constant of the caller, never input. */
    RequestQueue(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    <T> List<T> claimDue(Instant now, Instant leaseUntil, int limit, String columns, RowMapper<T> rows) {
        return jdbc.sql("UPDATE " + table
                        + " SET next_attempt_at = :lease, attempts = attempts + 1, updated_at = :now WHERE id IN"
                        + " (SELECT id FROM " + table + " WHERE status = 'PENDING' AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + columns)
                .param("lease", at(leaseUntil))
                .param("now", at(now))
                .param("limit", limit)
                .query(rows)
                .list();
    }

    void failed(UUID id, String error, Instant retryAt, Instant now) {
        jdbc.sql("UPDATE " + table + " SET next_attempt_at = ?, last_error = ?, updated_at = ?"
                        + " WHERE id = ? AND status = 'PENDING'")
                .params(at(retryAt), error.length() > 1000 ? error.substring(0, 1000) : error, at(now), id)
                .update();
    }
}
