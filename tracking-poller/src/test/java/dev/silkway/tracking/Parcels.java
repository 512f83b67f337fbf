package dev.silkway.tracking;

import dev.silkway.testsupport.ShippedOrders;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shipments as the fulfilment engineer hands them over (an order of a shopper, a shipment, its legs
 * due for a poll), written straight to PostgreSQL for the poller's tests.
 */
public final class Parcels {

    private final JdbcClient jdbc;

    public Parcels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID shopper() {
        return jdbc.sql("INSERT INTO users (email_enc, email_bidx, full_name_enc, phone_enc, phone_bidx,"
                        + " pii_key_id, password_hash) VALUES (?, ?, ?, ?, ?, 'test', 'unusable') RETURNING id")
                .params(bytes(), bytes(), bytes(), bytes(), bytes())
                .query(UUID.class)
                .single();
    }

    /** A SHIPPED order of the shopper, by air, its delivery line 10–20 days. */
    public UUID shippedOrder(UUID shopper) {
        return ShippedOrders.create(jdbc, shopper);
    }

    /** A shipment of the order with one leg per (kind, carrier, number), all due now. */
    public Shipment shipment(UUID order, String method, Leg... legs) {
        UUID shipment = jdbc.sql("""
                INSERT INTO shipments (order_id, delivery_method, shipped_at) VALUES (?, ?, now()) RETURNING id""").params(order, method).query(UUID.class).single();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < legs.length; i++) {
            ids.add(jdbc.sql("""
                    INSERT INTO shipment_legs (shipment_id, leg_no, kind, carrier_code, track_number, next_poll_at)
                    VALUES (?, ?, ?, ?, ?, now()) RETURNING id""")
                    .params(shipment, i + 1, legs[i].kind(), legs[i].carrier(), legs[i].number())
                    .query(Long.class)
                    .single());
        }
        return new Shipment(order, shipment, ids);
    }

    public static Leg leg(String kind, String carrier) {
        return new Leg(kind, carrier, number());
    }

    public static String number() {
        return "TN"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36)
                        .toUpperCase();
    }

    public static CarrierEvent event(Instant at, TrackingStatus status, String subStatus, String code, String place) {
        return new CarrierEvent(
                at, status, subStatus, code, code + " at " + place, place, "{\"code\":\"" + code + "\"}");
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    public record Leg(String kind, String carrier, String number) {}

    public record Shipment(UUID orderId, UUID id, List<Long> legIds) {}
}
