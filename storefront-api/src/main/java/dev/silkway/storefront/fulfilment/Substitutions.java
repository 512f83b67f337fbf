package dev.silkway.storefront.fulfilment;

import static dev.silkway.storefront.fulfilment.Purchases.at;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Substitutes offered for refused purchases (V77), and the line refunds they lead to. */
@Repository
class Substitutions {

    /** A substitution as the shopper sees it and the job needs it. */
    record Substitution(
            UUID id,
            UUID orderId,
            long orderLineId,
            @Nullable Long skuId,
            @Nullable String externalSkuId,
            Map<String, Object> skuAttributes,
            @Nullable Long unitPriceFen,
            String status,
            @Nullable Instant expiresAt,
            int quantity) {}

    /** Another SKU of the line's product, in stock for the line's quantity, at no more than the line's price. */
    record Candidate(long skuId, String externalSkuId, String attributesJson, long priceFen) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Substitutions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The closest in price (then the most in stock) of the product's other active SKUs that are in stock for the
     * quantity and cost no more than the line's price, never one already tried for the line.
     */
    Optional<Candidate> candidate(long lineId) {
        return jdbc.sql("""
                        SELECT s.id, s.external_id, s.attributes::text, p.amount_minor
                        FROM order_lines l
                        JOIN skus s ON s.product_id = l.product_id AND s.active
                        JOIN products pr ON pr.id = s.product_id AND pr.status = 'VISIBLE'
                        JOIN sku_prices p ON p.sku_id = s.id AND p.currency = 'CNY'
                        JOIN sku_stock st ON st.sku_id = s.id AND st.in_stock
                        WHERE l.id = :line AND p.amount_minor <= l.source_unit_price_minor
                          AND (st.quantity IS NULL OR st.quantity >= l.quantity)
                          AND s.id IS DISTINCT FROM l.sku_id
                          AND NOT EXISTS (SELECT 1 FROM purchases u WHERE u.order_line_id = l.id AND u.sku_id = s.id)
                        ORDER BY p.amount_minor DESC, st.quantity DESC NULLS FIRST, s.id
                        LIMIT 1""")
                .param("line", lineId)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    UUID offer(Purchases.Purchase refused, Candidate candidate, Instant expiresAt) {
        return jdbc.sql("""
                        INSERT INTO substitutions (order_id, order_line_id, purchase_id, sku_id, external_sku_id,
                                                   sku_attributes, unit_price_fen, status, expires_at)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, 'OFFERED', ?) RETURNING id""")
                .params(
                        refused.orderId(),
                        refused.orderLineId(),
                        refused.id(),
                        candidate.skuId(),
                        candidate.externalSkuId(),
                        candidate.attributesJson(),
                        candidate.priceFen(),
                        at(expiresAt))
                .query(UUID.class)
                .single();
    }

    /** No substitute exists: recorded as NONE with the line's refund due at once. */
    void none(Purchases.Purchase refused, Instant now) {
        jdbc.sql("""
                        INSERT INTO substitutions (order_id, order_line_id, purchase_id, status, decided_at, refund_due)
                        VALUES (?, ?, ?, 'NONE', ?, true)""")
                .params(refused.orderId(), refused.orderLineId(), refused.id(), at(now))
                .update();
    }

    /** The offer of this order, locked; empty when unknown. */
    Optional<Substitution> lock(UUID orderId, UUID id) {
        return jdbc.sql(SELECT + " WHERE s.order_id = ? AND s.id = ? FOR UPDATE OF s")
                .params(orderId, id)
                .query(this::map)
                .optional();
    }

    List<Substitution> ofOrder(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE s.order_id = ? ORDER BY s.created_at, s.id")
                .param(orderId)
                .query(this::map)
                .list();
    }

    void decide(UUID id, String status, boolean refundDue, Instant now) {
        jdbc.sql(
                        "UPDATE substitutions SET status = ?, decided_at = ?, refund_due = ? WHERE id = ? AND status = 'OFFERED'")
                .params(status, at(now), refundDue, id)
                .update();
    }

    /** Offers past their time, oldest first, locked (others skip them). */
    List<Substitution> expired(Instant now, int limit) {
        return jdbc.sql(SELECT + " WHERE s.status = 'OFFERED' AND s.expires_at < ? ORDER BY s.expires_at LIMIT ?"
                        + " FOR UPDATE OF s SKIP LOCKED")
                .params(at(now), limit)
                .query(this::map)
                .list();
    }

    /** Refunds still to start, oldest first. */
    List<Substitution> refundsDue(int limit) {
        return jdbc.sql(SELECT + " WHERE s.refund_due ORDER BY s.created_at LIMIT ?")
                .param(limit)
                .query(this::map)
                .list();
    }

    /** Whether a dropped line of the order still waits for its refund to start. */
    boolean refundWaits(UUID orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM substitutions WHERE order_id = ? AND refund_due)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }

    void refundStarted(UUID id, Instant now) {
        jdbc.sql("UPDATE substitutions SET refund_due = false, refunded_at = ?, last_error = NULL WHERE id = ?")
                .params(at(now), id)
                .update();
        jdbc.sql("""
                        UPDATE order_lines SET purchase_status = 'UNAVAILABLE'
                        WHERE id = (SELECT order_line_id FROM substitutions WHERE id = ?)""").param(id).update();
    }

    void refundFailed(UUID id, String error) {
        jdbc.sql("UPDATE substitutions SET refund_attempts = refund_attempts + 1, last_error = ? WHERE id = ?")
                .params(error.length() > 1000 ? error.substring(0, 1000) : error, id)
                .update();
    }

    private static final String SELECT = """
            SELECT s.id, s.order_id, s.order_line_id, s.sku_id, s.external_sku_id, s.sku_attributes::text AS attrs,
                   s.unit_price_fen, s.status, s.expires_at, l.quantity
            FROM substitutions s JOIN order_lines l ON l.id = s.order_line_id""";

    private Substitution map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var expires = rs.getTimestamp("expires_at");
        return new Substitution(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getLong("order_line_id"),
                rs.getObject("sku_id", Long.class),
                rs.getString("external_sku_id"),
                json.readValue(rs.getString("attrs"), new TypeReference<Map<String, Object>>() {}),
                rs.getObject("unit_price_fen", Long.class),
                rs.getString("status"),
                expires == null ? null : expires.toInstant(),
                rs.getInt("quantity"));
    }
}
