package dev.silkway.storefront.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Orders, their lines and their status history. Shopper reads are scoped by the owner. */
@Repository
class Orders {

    private static final String COLUMNS = """
            id, order_number, user_id, status, delivery_method, payment_method, shipping_country, goods_minor,
            china_delivery_minor, international_delivery_minor, commission_minor, insurance_minor,
            customs_duty_minor, discount_minor, total_minor, split, quote_id, reserved_until, created_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Orders(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Keyed(UUID id, byte[] requestHash) {}

    Optional<Keyed> byIdempotencyKey(UUID userId, String key) {
        return jdbc.sql("SELECT id, request_hash FROM orders WHERE user_id = ? AND idempotency_key = ?")
                .params(userId, key)
                .query((rs, n) -> new Keyed(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .optional();
    }

    Optional<OrderRecord> of(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .query(this::map)
                .optional();
    }

    Optional<OrderRecord> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The order's status, its row locked until the transaction ends. */
    Optional<OrderStatus> lockStatus(UUID id) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> OrderStatus.valueOf(rs.getString(1)))
                .optional();
    }

    void setStatus(UUID id, OrderStatus status, Instant at) {
        String column = switch (status) {
            case PAID -> ", paid_at = :at";
            case CANCELLED -> ", cancelled_at = :at";
            case DELIVERED -> ", delivered_at = :at";
            default -> "";
        };
        jdbc.sql("UPDATE orders SET status = :status, updated_at = :at, version = version + 1" + column
                        + " WHERE id = :id")
                .param("status", status.name())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    void recordTransition(
            UUID id,
            @Nullable OrderStatus from,
            OrderStatus to,
            OrderSource source,
            @Nullable UUID by,
            @Nullable String note,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO order_status_history (order_id, from_status, to_status, source, changed_by, note, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        from == null ? null : from.name(),
                        to.name(),
                        source.name(),
                        by,
                        note,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    record Line(
            long id,
            @Nullable Long productId,
            @Nullable Long skuId,
            String title,
            Map<String, Object> skuAttributes,
            @Nullable String imageUrl,
            int quantity,
            long sourceUnitPrice,
            long unitPrice,
            long lineTotal) {}

    List<Line> lines(UUID orderId) {
        return jdbc.sql("""
                        SELECT id, product_id, sku_id, title, sku_attributes::text, image_url, quantity,
                               source_unit_price_minor, unit_price_minor, line_total_minor
                        FROM order_lines WHERE order_id = ? ORDER BY line_no""")
                .param(orderId)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class),
                        rs.getString(4),
                        json.readValue(rs.getString(5), new TypeReference<Map<String, Object>>() {}),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10)))
                .list();
    }

    record Transition(
            @Nullable String from,
            String to,
            String source,
            @Nullable String note,
            Instant at) {}

    List<Transition> history(UUID orderId) {
        return jdbc.sql("""
                        SELECT from_status, to_status, source, note, changed_at FROM order_status_history
                        WHERE order_id = ? ORDER BY changed_at, id""")
                .param(orderId)
                .query((rs, n) -> new Transition(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    String quoteLines(UUID orderId) {
        return jdbc.sql("SELECT COALESCE(snapshot -> 'lines', '[]'::jsonb)::text FROM orders WHERE id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }

    /** Unpaid orders whose reservation ended before {@code now}, oldest first, skipping those locked elsewhere. */
    List<UUID> expiredReservations(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM orders WHERE status = 'AWAITING_PAYMENT' AND reserved_until < ?
                        ORDER BY reserved_until LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), limit)
                .query(UUID.class)
                .list();
    }

    record Page(List<OrderRecord> items, long total) {}

    /** Staff search: by status, by order number or id ({@code q}), by creation time; newest first. */
    Page search(
            @Nullable OrderStatus status,
            @Nullable String q,
            @Nullable Instant from,
            @Nullable Instant to,
            int page,
            int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (q != null && !q.isBlank()) {
            String term = q.strip();
            if (term.matches("\\d{1,18}")) {
                where.append(" AND order_number = :number");
                params.put("number", Long.parseLong(term));
            } else if (term.matches("[0-9a-fA-F-]{36}")) {
                where.append(" AND id = :id");
                params.put("id", UUID.fromString(term));
            } else {
                where.append(" AND false");
            }
        }
        if (from != null) {
            where.append(" AND created_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" AND created_at < :to");
            params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        long total = jdbc.sql("SELECT count(*) FROM orders" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<OrderRecord> items = jdbc.sql("SELECT " + COLUMNS + " FROM orders" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(this::map)
                .list();
        return new Page(items, total);
    }

    private OrderRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp reserved = rs.getTimestamp("reserved_until");
        return new OrderRecord(
                rs.getObject("id", UUID.class),
                rs.getLong("order_number"),
                rs.getObject("user_id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("delivery_method"),
                rs.getString("payment_method"),
                rs.getString("shipping_country"),
                rs.getLong("goods_minor"),
                rs.getLong("china_delivery_minor"),
                rs.getLong("international_delivery_minor"),
                rs.getLong("commission_minor"),
                rs.getLong("insurance_minor"),
                rs.getLong("customs_duty_minor"),
                rs.getLong("discount_minor"),
                rs.getLong("total_minor"),
                rs.getBoolean("split"),
                rs.getObject("quote_id", UUID.class),
                reserved == null ? null : reserved.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
