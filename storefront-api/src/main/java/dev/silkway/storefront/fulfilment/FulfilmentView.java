package dev.silkway.storefront.fulfilment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.silkway.storefront.order.OrderFulfilment;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code fulfilment} block of {@code GET /api/v1/orders/{id}}: per line where its purchase stands (PENDING,
 * ACCEPTED, PURCHASED, ARRIVED; AWAITING_SHOPPER while a substitute is offered; REFUNDED once dropped), the
 * marketplace order, what the warehouse measured and its QC photos; the substitutes awaiting an answer; the parcel.
 */
@Component
class FulfilmentView implements OrderFulfilment {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(
            long lineId,
            String purchaseStatus,
            boolean substitute,
            @Nullable String marketplaceOrderId,
            @Nullable Integer weightGrams,
            @Nullable List<Integer> dimensionsCm,
            List<String> qcPhotos) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parcel(String status, @Nullable Integer chargeableWeightGrams) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(
            List<Line> lines,
            List<SubstitutionsController.SubstitutionView> pendingSubstitutions,
            @Nullable Parcel parcel) {}

    private final JdbcClient jdbc;
    private final Substitutions substitutions;
    private final Parcels parcels;
    private final ObjectMapper json;

    FulfilmentView(JdbcClient jdbc, Substitutions substitutions, Parcels parcels, ObjectMapper json) {
        this.jdbc = jdbc;
        this.substitutions = substitutions;
        this.parcels = parcels;
        this.json = json;
    }

    @Override
    public @Nullable Object of(UUID orderId) {
        List<Line> lines = jdbc
                .sql("""
                        SELECT l.id, p.status, p.reference LIKE 'S-%' AS substitute, p.marketplace_order_id,
                               p.weight_grams, p.length_cm, p.width_cm, p.height_cm, p.qc_photos::text,
                               (SELECT s.status FROM substitutions s WHERE s.order_line_id = l.id
                                ORDER BY s.created_at DESC, s.id DESC LIMIT 1) AS substitution
                        FROM order_lines l
                        LEFT JOIN LATERAL (SELECT * FROM purchases u WHERE u.order_line_id = l.id
                                           ORDER BY (u.status = 'REFUSED'), u.created_at DESC LIMIT 1) p ON true
                        WHERE l.order_id = ? ORDER BY l.line_no""")
                .param(orderId)
                .query((rs, n) -> {
                    String status = rs.getString(2);
                    if (status == null) {
                        return null;
                    }
                    String substitution = rs.getString(10);
                    if ("REFUSED".equals(status)) {
                        status = "OFFERED".equals(substitution) ? "AWAITING_SHOPPER" : "REFUNDED";
                    }
                    Integer grams = rs.getObject(5, Integer.class);
                    return new Line(
                            rs.getLong(1),
                            status,
                            rs.getBoolean(3),
                            rs.getString(4),
                            grams,
                            grams == null ? null : List.of(rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                            json.readValue(rs.getString(9), new TypeReference<List<String>>() {}));
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        var pending = substitutions.ofOrder(orderId).stream()
                .filter(s -> "OFFERED".equals(s.status()))
                .map(SubstitutionsController.SubstitutionView::of)
                .toList();
        var parcel = parcels.ofOrder(orderId)
                .map(p -> new Parcel(p.status(), p.chargeableGrams()))
                .orElse(null);
        return new View(lines, pending, parcel);
    }
}
