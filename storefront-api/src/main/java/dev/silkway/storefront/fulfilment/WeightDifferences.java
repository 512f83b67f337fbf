package dev.silkway.storefront.fulfilment;

import static dev.silkway.storefront.fulfilment.Purchases.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Parcels measured heavier or lighter than quoted beyond the tolerance (V77), and the operators' decisions. */
@Repository
class WeightDifferences {

    /** One listed difference; {@code differenceGrams} is measured minus quoted. */
    record Difference(
            UUID id,
            UUID orderId,
            long orderNumber,
            int quotedGrams,
            int measuredGrams,
            int differenceGrams,
            String status,
            @Nullable String note,
            @Nullable UUID decidedBy,
            @Nullable Instant decidedAt,
            Instant createdAt) {}

    record Page(List<Difference> items, long total) {}

    private final JdbcClient jdbc;

    WeightDifferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lists the parcel when its measured weight is off by more than the tolerance; once per parcel. */
    boolean compare(UUID orderId, UUID parcelId, int quoted, int measured, int toleranceGrams, int tolerancePercent) {
        long tolerance = Math.max(toleranceGrams, (long) quoted * tolerancePercent / 100);
        if (Math.abs((long) measured - quoted) <= tolerance) {
            return false;
        }
        return jdbc.sql("""
                                INSERT INTO weight_differences (order_id, parcel_id, quoted_grams, measured_grams)
                                VALUES (?, ?, ?, ?) ON CONFLICT (parcel_id) DO NOTHING""").params(orderId, parcelId, quoted, measured).update() > 0;
    }

    Page list(@Nullable String status, int page, int size) {
        String where = status == null ? "" : " WHERE w.status = :status";
        var total = jdbc.sql("SELECT count(*) FROM weight_differences w" + where);
        var items = jdbc.sql(SELECT + where + " ORDER BY w.created_at, w.id LIMIT :limit OFFSET :offset");
        if (status != null) {
            total = total.param("status", status);
            items = items.param("status", status);
        }
        return new Page(
                items.param("limit", size)
                        .param("offset", (long) page * size)
                        .query(this::map)
                        .list(),
                total.query(Long.class).single());
    }

    Optional<Difference> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE w.id = ? FOR UPDATE OF w")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Difference> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(this::map).optional();
    }

    void decide(UUID id, String decision, @Nullable String note, UUID by, Instant now) {
        jdbc.sql("""
                        UPDATE weight_differences SET status = ?, note = ?, decided_by = ?, decided_at = ?
                        WHERE id = ? AND status = 'OPEN'""").params(decision, note, by, at(now), id).update();
    }

    private static final String SELECT = """
            SELECT w.id, w.order_id, o.order_number, w.quoted_grams, w.measured_grams, w.status, w.note, w.decided_by,
                   w.decided_at, w.created_at
            FROM weight_differences w JOIN orders o ON o.id = w.order_id""";

    private Difference map(ResultSet rs, int row) throws SQLException {
        var decided = rs.getTimestamp("decided_at");
        int quoted = rs.getInt("quoted_grams");
        int measured = rs.getInt("measured_grams");
        return new Difference(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getLong("order_number"),
                quoted,
                measured,
                measured - quoted,
                rs.getString("status"),
                rs.getString("note"),
                rs.getObject("decided_by", UUID.class),
                decided == null ? null : decided.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
