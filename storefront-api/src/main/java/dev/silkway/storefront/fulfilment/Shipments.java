package dev.silkway.storefront.fulfilment;

import static dev.silkway.storefront.fulfilment.Purchases.at;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shipment of a handed-over parcel and its two legs (V9): the line's (INTERNATIONAL) and the last mile's, each
 * with its carrier and track number, due for polling at once ({@code next_poll_at = now}): the tracking poller takes
 * them from there. Nobody types a track number.
 */
@Repository
class Shipments {

    /** A carrier and its track number, as the partner named them. */
    record Leg(String carrier, String trackNumber) {}

    private final JdbcClient jdbc;

    Shipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean carrierKnown(String code) {
        return jdbc.sql("SELECT count(*) FROM carriers WHERE code = ? AND enabled")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    UUID create(UUID orderId, String method, UUID parcelId, Leg line, @Nullable Leg lastMile, Instant now) {
        UUID shipment = jdbc.sql("""
                        INSERT INTO shipments (order_id, delivery_method, status, weight_grams, length_cm, width_cm,
                                               height_cm, chargeable_weight_grams, shipped_at, created_at, updated_at)
                        SELECT :order, :method, 'INFO_RECEIVED', p.weight_grams, p.length_cm, p.width_cm, p.height_cm,
                               p.chargeable_weight_grams, :now, :now, :now
                        FROM fulfilment_parcels p WHERE p.id = :parcel
                        RETURNING id""")
                .param("order", orderId)
                .param("method", method)
                .param("now", at(now))
                .param("parcel", parcelId)
                .query(UUID.class)
                .single();
        leg(shipment, 1, "INTERNATIONAL", line, now);
        if (lastMile != null) {
            leg(shipment, 2, "LAST_MILE", lastMile, now);
        }
        return shipment;
    }

    /** A late CONSOLIDATED: the parcel's measured size onto its shipment. */
    void measured(UUID shipmentId, int grams, int l, int w, int h, int chargeable) {
        jdbc.sql("""
                        UPDATE shipments SET weight_grams = ?, length_cm = ?, width_cm = ?, height_cm = ?,
                               chargeable_weight_grams = ?, updated_at = now(), version = version + 1
                        WHERE id = ? AND weight_grams IS NULL""").params(grams, l, w, h, chargeable, shipmentId).update();
    }

    private void leg(UUID shipment, int number, String kind, Leg leg, Instant now) {
        jdbc.sql("""
                        INSERT INTO shipment_legs (shipment_id, leg_no, kind, carrier_code, track_number, next_poll_at,
                                                   created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(shipment, number, kind, leg.carrier(), leg.trackNumber(), at(now), at(now), at(now))
                .update();
    }
}
