package dev.silkway.tracking.shipment;

import dev.silkway.tracking.carrier.TrackingStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

/** The one way a leg is read (with its shipment's delivery method), for every query that returns legs. */
public final class Legs {

    /** Selects the columns {@link #map} reads, from shipment_legs l joined to shipments s. */
    public static final String SELECT = """
            SELECT l.id, l.shipment_id, l.kind, l.carrier_code, l.track_number, l.status, s.delivery_method,
                   l.registered_at, l.poll_failures, l.created_at, s.status IN ('DELIVERED', 'EXPIRED') AS shipment_ended
            FROM shipment_legs l JOIN shipments s ON s.id = l.shipment_id""";

    private Legs() {}

    public static TrackedLeg map(ResultSet rs, int row) throws SQLException {
        Timestamp registered = rs.getTimestamp("registered_at");
        return new TrackedLeg(
                rs.getLong("id"),
                rs.getObject("shipment_id", UUID.class),
                rs.getString("kind"),
                rs.getString("carrier_code"),
                rs.getString("track_number"),
                TrackingStatus.valueOf(rs.getString("status")),
                rs.getString("delivery_method"),
                registered == null ? null : registered.toInstant(),
                rs.getInt("poll_failures"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("shipment_ended"));
    }
}
