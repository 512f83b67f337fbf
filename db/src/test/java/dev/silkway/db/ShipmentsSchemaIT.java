package dev.silkway.db;

import static dev.silkway.db.ValidRows.bytes;
import static dev.silkway.db.ValidRows.unique;
import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ShipmentsSchemaIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("shipments_schema");
        rows = new ValidRows(jdbc);
    }

    private static int trackingEvent(UUID shipment, long leg, String status, byte[] dedupKey) {
        return jdbc.update("""
                INSERT INTO tracking_events (shipment_id, leg_id, occurred_at, status, raw_status, source, dedup_key)
                VALUES (?, ?, now(), ?, 'RECEIVED_AT_SHIPMENT_WAREHOUSE', 'cdek-v2', ?)
                ON CONFLICT ON CONSTRAINT uq_tracking_events_leg_dedup DO NOTHING""", shipment, leg, status, dedupKey);
    }

    @Test
    void rejectsTheSameTrackNumberTwiceForOneCarrier() {
        rows.leg(rows.shipment(rows.order(rows.user())), 1, "cdek", "1498765432");
        UUID other = rows.shipment(rows.order(rows.user()));

        assertViolates("uq_shipment_legs_carrier_track_number", () -> rows.leg(other, 1, "cdek", "1498765432"));
    }

    @Test
    void rejectsALegOfAnUnknownCarrier() {
        UUID shipment = rows.shipment(rows.order(rows.user()));

        assertViolates("shipment_legs_carrier_code_fkey", () -> rows.leg(shipment, 1, "pony-express", "PX12345"));
    }

    @Test
    void rejectsATrackingEventWhoseLegBelongsToAnotherShipment() {
        UUID shipment = rows.shipment(rows.order(rows.user()));
        long legOfAnotherShipment =
                rows.leg(rows.shipment(rows.order(rows.user())), 1, "sf-express", unique("SF14400"));

        assertViolates(
                "fk_tracking_events_leg", () -> trackingEvent(shipment, legOfAnotherShipment, "IN_TRANSIT", bytes(32)));
    }

    @Test
    void storesATrackingEventReportedTwiceOnlyOnce() {
        UUID shipment = rows.shipment(rows.order(rows.user()));
        long leg = rows.leg(shipment, 1, "russian-post", unique("RA6440"));
        byte[] dedupKey = bytes(32);

        assertThat(trackingEvent(shipment, leg, "IN_TRANSIT", dedupKey)).isEqualTo(1);
        assertThat(trackingEvent(shipment, leg, "IN_TRANSIT", dedupKey)).isZero();
    }

    @Test
    void rejectsATrackingStatusOutsideTheNormalizedModel() {
        UUID shipment = rows.shipment(rows.order(rows.user()));
        long leg = rows.leg(shipment, 1, "cdek", unique("1500000"));

        assertViolates("tracking_events_status_check", () -> trackingEvent(shipment, leg, "InTransit", bytes(32)));
    }
}
