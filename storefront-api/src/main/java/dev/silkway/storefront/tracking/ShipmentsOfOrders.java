package dev.silkway.storefront.tracking;

import dev.silkway.storefront.order.OrderShipments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An order's shipments, legs and events as the tracking poller stored them (the events newest first, at most 500). */
@Component
class ShipmentsOfOrders implements OrderShipments {

    private static final int MAX_EVENTS = 500;

    private final JdbcClient jdbc;

    ShipmentsOfOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Shipment> of(UUID orderId) {
        Map<UUID, Parts> shipments = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, status, sub_status, stage, eta_earliest, eta_latest FROM shipments
                WHERE order_id = ? ORDER BY created_at, id
                """).params(orderId).query(rs -> {
            shipments.put(
                    rs.getObject(1, UUID.class),
                    new Parts(rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6)));
        });
        if (shipments.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(shipments.keySet());
        jdbc.sql("""
                SELECT shipment_id, kind, carrier_code, track_number, status, sub_status FROM shipment_legs
                WHERE shipment_id IN (:ids) ORDER BY shipment_id, leg_no
                """).param("ids", ids).query(rs -> {
            shipments
                    .get(rs.getObject(1, UUID.class))
                    .legs()
                    .add(new Leg(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        });
        jdbc.sql("""
                SELECT e.shipment_id, e.occurred_at, e.status, e.sub_status, l.kind, l.carrier_code, l.track_number,
                       e.description, e.location
                FROM tracking_events e JOIN shipment_legs l ON l.id = e.leg_id
                WHERE e.shipment_id IN (:ids) ORDER BY e.occurred_at DESC, e.id DESC LIMIT :max
                """).param("ids", ids).param("max", MAX_EVENTS).query(rs -> {
            UUID shipment = rs.getObject(1, UUID.class);
            shipments
                    .get(shipment)
                    .events()
                    .add(new Event(
                            shipment,
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9)));
        });
        List<Shipment> result = new ArrayList<>();
        shipments.forEach((id, p) -> result.add(new Shipment(
                id,
                p.status(),
                p.subStatus(),
                p.stage(),
                p.earliest() == null && p.latest() == null ? null : new Eta(p.earliest(), p.latest()),
                List.copyOf(p.legs()),
                List.copyOf(p.events()))));
        return result;
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record Parts(
            String status,
            @Nullable String subStatus,
            String stage,
            @Nullable Instant earliest,
            @Nullable Instant latest,
            List<Leg> legs,
            List<Event> events) {

        Parts(
                String status,
                @Nullable String subStatus,
                String stage,
                @Nullable Instant earliest,
                @Nullable Instant latest) {
            this(status, subStatus, stage, earliest, latest, new ArrayList<>(), new ArrayList<>());
        }
    }
}
