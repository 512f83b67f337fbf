package dev.silkway.tracking.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The shipments operators should look at, by state, oldest event first. */
@Component
class ShipmentWatch {

    private static final String ACTIVE = "s.delivered_at IS NULL AND s.status NOT IN ('DELIVERED')";
    /** Held at customs (SubStatus customs_held), or an exception while at customs. */
    private static final String CUSTOMS_HOLD =
            "(s.sub_status = 'customs_held'" + " OR (s.status = 'EXCEPTION' AND s.sub_status LIKE 'customs%'))";

    private final JdbcClient jdbc;
    private final StuckProperties stuck;

    ShipmentWatch(JdbcClient jdbc, StuckProperties stuck) {
        this.jdbc = jdbc;
        this.stuck = stuck;
    }

    enum State {
        STUCK,
        EXCEPTION,
        CUSTOMS_HOLD;

        static @Nullable State of(String value) {
            return switch (value) {
                case "stuck" -> STUCK;
                case "exception" -> EXCEPTION;
                case "customs-hold" -> CUSTOMS_HOLD;
                default -> null;
            };
        }
    }

    record Watched(
            UUID shipmentId,
            UUID orderId,
            String status,
            @Nullable String subStatus,
            String stage,
            @Nullable Instant lastEventAt,
            List<Leg> legs) {}

    record Leg(
            String kind,
            String carrier,
            String trackNumber,
            String status,
            @Nullable String subStatus) {}

    List<Watched> list(State state, int page, int size) {
        String where = switch (state) {
            case STUCK ->
                ACTIVE
                        + " AND coalesce(s.last_event_at, s.shipped_at, s.created_at) < now() - make_interval(secs => t.secs)";
            case EXCEPTION -> ACTIVE + " AND s.status IN ('EXCEPTION', 'EXPIRED') AND NOT (" + CUSTOMS_HOLD + ")";
            case CUSTOMS_HOLD -> ACTIVE + " AND " + CUSTOMS_HOLD;
        };
        List<Watched> shipments = jdbc.sql(
                        "SELECT s.id, s.order_id, s.status, s.sub_status, s.stage, s.last_event_at"
                                + " FROM shipments s JOIN (" + thresholds() + ") t(status, secs) ON t.status = s.status"
                                + " WHERE " + where
                                + " ORDER BY coalesce(s.last_event_at, s.shipped_at, s.created_at), s.id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new Watched(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        new ArrayList<>()))
                .list();
        if (shipments.isEmpty()) {
            return shipments;
        }
        Map<UUID, Watched> byId = shipments.stream().collect(Collectors.toMap(Watched::shipmentId, w -> w));
        jdbc.sql("""
                SELECT shipment_id, kind, carrier_code, track_number, status, sub_status FROM shipment_legs
                WHERE shipment_id IN (:ids) ORDER BY shipment_id, leg_no
                """).param("ids", List.copyOf(byId.keySet())).query(rs -> {
            byId.get(rs.getObject(1, UUID.class))
                    .legs()
                    .add(new Leg(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        });
        return shipments;
    }

    /** (status, seconds without an event before stuck) for every status, from the properties. */
    private String thresholds() {
        return java.util.Arrays.stream(dev.silkway.tracking.carrier.TrackingStatus.values())
                .map(s -> "('" + s.name() + "', " + stuck.forStatus(s.name()).toSeconds() + ")")
                .collect(Collectors.joining(", ", "VALUES ", ""));
    }
}
