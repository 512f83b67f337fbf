package dev.silkway.storefront.fulfilment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Purchase requests, one live per order line (V77). Status only moves forward (PENDING → ACCEPTED → PURCHASED →
 * ARRIVED, by rank), so a late or repeated callback never takes a purchase back.
 */
@Repository
class Purchases {

    /** A purchase as the job and the callbacks need it. */
    record Purchase(
            UUID id,
            UUID orderId,
            long orderLineId,
            String reference,
            String marketplace,
            String productId,
            String skuId,
            @Nullable Long catalogueSkuId,
            int quantity,
            long maxPriceFen,
            String status,
            int attempts) {}

    private static final String COLUMNS = """
            id, order_id, order_line_id, reference, marketplace_code, external_product_id, external_sku_id, sku_id,
            quantity, max_price_fen, status, attempts""";

    /** The order of statuses: a callback moves a purchase to a higher rank only. */
    /** A line bought as ordered is PURCHASED, one bought as its accepted substitute PURCHASED_BACKUP (V7). */
    private static final String LINE_BOUGHT =
            "CASE WHEN p.reference LIKE 'S-%' THEN 'PURCHASED_BACKUP' ELSE 'PURCHASED' END";

    private static final String RANK = "array_position(ARRAY['PENDING','ACCEPTED','PURCHASED','ARRIVED'], %s)";

    private final JdbcClient jdbc;
    private final RequestQueue queue;

    Purchases(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.queue = new RequestQueue(jdbc, "purchases");
    }

    /** One purchase per line of a just-paid order, at the line's own price; none twice (the reference is unique). */
    int createForOrder(UUID orderId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO purchases (order_id, order_line_id, reference, sku_id, marketplace_code,
                                               external_product_id, external_sku_id, quantity, max_price_fen,
                                               next_attempt_at)
                        SELECT l.order_id, l.id, l.order_id::text || '-' || l.line_no, l.sku_id, l.marketplace_code,
                               l.external_product_id, l.external_sku_id, l.quantity, l.source_unit_price_minor, :now
                        FROM order_lines l WHERE l.order_id = :order
                        ON CONFLICT DO NOTHING""").param("order", orderId).param("now", at(now)).update();
    }

    /** A substitute bought for a line under its own reference. */
    void createSubstitute(
            UUID orderId, long lineId, String reference, long skuId, String externalSkuId, long priceFen, Instant now) {
        jdbc.sql("""
                        INSERT INTO purchases (order_id, order_line_id, reference, sku_id, marketplace_code,
                                               external_product_id, external_sku_id, quantity, max_price_fen,
                                               next_attempt_at)
                        SELECT l.order_id, l.id, :reference, :sku, l.marketplace_code, l.external_product_id, :externalSku,
                               l.quantity, :price, :now
                        FROM order_lines l WHERE l.id = :line AND l.order_id = :order""")
                .param("reference", reference)
                .param("sku", skuId)
                .param("externalSku", externalSkuId)
                .param("price", priceFen)
                .param("now", at(now))
                .param("line", lineId)
                .param("order", orderId)
                .update();
    }

    /**
     * Claims up to {@code limit} requests due to be sent: each is pushed {@code lease} into the future and counted as
     * an attempt, so another run (or instance) leaves it alone while it is being sent.
     */
    List<Purchase> claimDue(Instant now, Instant leaseUntil, int limit) {
        return queue.claimDue(now, leaseUntil, limit, COLUMNS, this::map);
    }

    void accepted(UUID id, String partnerPurchaseId, Instant now) {
        jdbc.sql("""
                        UPDATE purchases SET status = 'ACCEPTED', partner_purchase_id = :partner, next_attempt_at = NULL,
                               last_error = NULL, updated_at = :now
                        WHERE id = :id AND status = 'PENDING'""")
                .param("partner", partnerPurchaseId)
                .param("now", at(now))
                .param("id", id)
                .update();
    }

    void refused(UUID id, String refusal, Instant now) {
        jdbc.sql("""
                        UPDATE purchases SET status = 'REFUSED', refusal = :refusal, next_attempt_at = NULL, updated_at = :now
                        WHERE id = :id AND status = 'PENDING'""")
                .param("refusal", refusal)
                .param("now", at(now))
                .param("id", id)
                .update();
    }

    void failed(UUID id, String error, Instant retryAt, Instant now) {
        queue.failed(id, error, retryAt, now);
    }

    Optional<Purchase> byReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE reference = ?")
                .param(reference)
                .query(this::map)
                .optional();
    }

    /** PURCHASED: the marketplace order id and price; the status rises to PURCHASED unless it is already past it. */
    void purchased(UUID id, String marketplaceOrderId, @Nullable Long paidFen, Instant now) {
        jdbc.sql("""
                        UPDATE purchases SET marketplace_order_id = :mo, paid_price_fen = COALESCE(:paid, paid_price_fen),
                               purchased_at = COALESCE(purchased_at, :now),
                               status = CASE WHEN %s < %s THEN 'PURCHASED' ELSE status END, updated_at = :now
                        WHERE id = :id AND status <> 'REFUSED'""".formatted(RANK.formatted("status"), RANK.formatted("'PURCHASED'")))
                .param("mo", marketplaceOrderId)
                .param("paid", paidFen)
                .param("now", at(now))
                .param("id", id)
                .update();
        jdbc.sql("""
                        UPDATE order_lines l SET purchase_status = %s, marketplace_order_id = :mo,
                               purchased_at = COALESCE(l.purchased_at, :now)
                        FROM purchases p WHERE p.id = :id AND l.id = p.order_line_id""".formatted(LINE_BOUGHT))
                .param("mo", marketplaceOrderId)
                .param("now", at(now))
                .param("id", id)
                .update();
    }

    /** ARRIVED_AT_WAREHOUSE: measured size and QC photos (a purchase that arrives was bought, whatever came first). */
    void arrived(UUID id, int grams, int lengthCm, int widthCm, int heightCm, String photosJson, Instant now) {
        jdbc.sql("""
                        UPDATE purchases SET status = 'ARRIVED', weight_grams = :g, length_cm = :l, width_cm = :w,
                               height_cm = :h, qc_photos = CAST(:photos AS jsonb), arrived_at = COALESCE(arrived_at, :now),
                               purchased_at = COALESCE(purchased_at, :now), updated_at = :now
                        WHERE id = :id AND status <> 'REFUSED'""")
                .param("g", grams)
                .param("l", lengthCm)
                .param("w", widthCm)
                .param("h", heightCm)
                .param("photos", photosJson)
                .param("now", at(now))
                .param("id", id)
                .update();
        jdbc.sql("""
                        UPDATE order_lines l SET purchase_status = %s, purchased_at = COALESCE(l.purchased_at, :now)
                        FROM purchases p WHERE p.id = :id AND l.id = p.order_line_id""".formatted(LINE_BOUGHT))
                .param("now", at(now))
                .param("id", id)
                .update();
    }

    /** The live (not refused) purchases of an order. */
    List<Purchase> live(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE order_id = ? AND status <> 'REFUSED'")
                .param(orderId)
                .query(this::map)
                .list();
    }

    /**
     * Each line of the order with the status of its live purchase (null when none) and of its latest substitution
     * (null when none).
     */
    List<LineState> lineStates(UUID orderId) {
        return jdbc.sql("""
                        SELECT l.id,
                               (SELECT p.status FROM purchases p WHERE p.order_line_id = l.id AND p.status <> 'REFUSED'),
                               (SELECT s.status FROM substitutions s WHERE s.order_line_id = l.id
                                ORDER BY s.created_at DESC, s.id DESC LIMIT 1)
                        FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no""")
                .param(orderId)
                .query((rs, n) -> new LineState(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** A line's purchase and substitution statuses. */
    record LineState(
            long lineId,
            @Nullable String purchase,
            @Nullable String substitution) {}

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private Purchase map(ResultSet rs, int row) throws SQLException {
        return new Purchase(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getLong("order_line_id"),
                rs.getString("reference"),
                rs.getString("marketplace_code"),
                rs.getString("external_product_id"),
                rs.getString("external_sku_id"),
                rs.getObject("sku_id", Long.class),
                rs.getInt("quantity"),
                rs.getLong("max_price_fen"),
                rs.getString("status"),
                rs.getInt("attempts"));
    }
}
