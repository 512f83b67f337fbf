package dev.silkway.storefront.fulfilment;

import static dev.silkway.storefront.fulfilment.Purchases.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order's parcel at the partner (V77): asked for, consolidated and measured, handed over to a line. */
@Repository
class Parcels {

    /** A parcel; the measured size is null until CONSOLIDATED. */
    record Parcel(
            UUID id,
            UUID orderId,
            String reference,
            String status,
            @Nullable Integer chargeableGrams,
            @Nullable UUID shipmentId,
            int attempts) {}

    private final JdbcClient jdbc;
    private final RequestQueue queue;

    Parcels(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.queue = new RequestQueue(jdbc, "fulfilment_parcels");
    }

    /** The order's parcel, to be asked for now (once: one parcel per order). */
    void request(UUID orderId, Instant now) {
        jdbc.sql("""
                        INSERT INTO fulfilment_parcels (order_id, reference, next_attempt_at) VALUES (?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING""").params(orderId, orderId.toString(), at(now)).update();
    }

    /** Parcels due to be asked for, each pushed {@code leaseUntil} ahead and counted as an attempt. */
    List<Parcel> claimDue(Instant now, Instant leaseUntil, int limit) {
        return queue.claimDue(now, leaseUntil, limit, COLUMNS, this::map);
    }

    void accepted(UUID id, String partnerParcelId, Instant now) {
        jdbc.sql("""
                        UPDATE fulfilment_parcels SET status = 'ACCEPTED', partner_parcel_id = ?, next_attempt_at = NULL,
                               last_error = NULL, updated_at = ?
                        WHERE id = ? AND status = 'PENDING'""").params(partnerParcelId, at(now), id).update();
    }

    void failed(UUID id, String error, Instant retryAt, Instant now) {
        queue.failed(id, error, retryAt, now);
    }

    /** The parcel of this reference, its row locked. */
    Optional<Parcel> lock(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fulfilment_parcels WHERE reference = ? FOR UPDATE")
                .param(reference)
                .query(this::map)
                .optional();
    }

    Optional<Parcel> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fulfilment_parcels WHERE order_id = ?")
                .param(orderId)
                .query(this::map)
                .optional();
    }

    /** CONSOLIDATED: the measured size (first report kept); the status rises to CONSOLIDATED unless handed over. */
    void consolidated(UUID id, String partnerParcelId, int grams, int l, int w, int h, int chargeable, Instant now) {
        jdbc.sql("""
                        UPDATE fulfilment_parcels SET partner_parcel_id = :pid, weight_grams = COALESCE(weight_grams, :g),
                               length_cm = COALESCE(length_cm, :l), width_cm = COALESCE(width_cm, :w),
                               height_cm = COALESCE(height_cm, :h),
                               chargeable_weight_grams = COALESCE(chargeable_weight_grams, :c),
                               status = CASE WHEN status = 'HANDED_OVER' THEN status ELSE 'CONSOLIDATED' END,
                               next_attempt_at = NULL, updated_at = :now
                        WHERE id = :id""")
                .param("pid", partnerParcelId)
                .param("g", grams)
                .param("l", l)
                .param("w", w)
                .param("h", h)
                .param("c", chargeable)
                .param("now", at(now))
                .param("id", id)
                .update();
    }

    void handedOver(UUID id, String partnerParcelId, UUID shipmentId, Instant now) {
        jdbc.sql("""
                        UPDATE fulfilment_parcels SET status = 'HANDED_OVER', partner_parcel_id = ?, shipment_id = ?,
                               next_attempt_at = NULL, updated_at = ?
                        WHERE id = ?""").params(partnerParcelId, shipmentId, at(now), id).update();
    }

    private static final String COLUMNS =
            "id, order_id, reference, status, chargeable_weight_grams, shipment_id, attempts";

    private Parcel map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Parcel(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getString("reference"),
                rs.getString("status"),
                rs.getObject("chargeable_weight_grams", Integer.class),
                rs.getObject("shipment_id", UUID.class),
                rs.getInt("attempts"));
    }
}
