package dev.silkway.tracking.webhook;

import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.shipment.ShipmentTracking;
import dev.silkway.tracking.shipment.TrackedLeg;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a verified delivery once (source and a hash of its body: a carrier's retry of the same
 * delivery is a duplicate) and records its parcels' events on our legs, all in one transaction: a
 * delivery is either stored and applied, or neither (and the carrier, answered with an error, retries).
 */
@Component
class WebhookInbox {

    private final JdbcClient jdbc;
    private final ShipmentTracking tracking;

    WebhookInbox(JdbcClient jdbc, ShipmentTracking tracking) {
        this.jdbc = jdbc;
        this.tracking = tracking;
    }

    record Outcome(boolean duplicate, int parcels, int legs, int newEvents) {}

    @Transactional
    Outcome accept(String source, byte[] body, String remoteAddress, List<TrackedParcel> parcels) {
        String dedup = dedupKey(body);
        Optional<Long> id = jdbc.sql("""
                INSERT INTO carrier_webhook_events (source, dedup_key, track_number, payload, client_address, attempts)
                VALUES (:source, :dedup, :number, CAST(:payload AS jsonb), CAST(:address AS inet), 1)
                ON CONFLICT (source, dedup_key) DO NOTHING
                RETURNING id
                """)
                .param("source", source)
                .param("dedup", dedup)
                .param(
                        "number",
                        parcels.isEmpty()
                                ? null
                                : clip(parcels.getFirst().number().trackNumber()))
                .param("payload", new String(body, StandardCharsets.UTF_8))
                .param("address", inet(remoteAddress))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return new Outcome(true, parcels.size(), 0, 0);
        }
        int legs = 0;
        int events = 0;
        for (TrackedParcel parcel : parcels) {
            Optional<TrackedLeg> leg =
                    tracking.leg(parcel.number().carrierCode(), parcel.number().trackNumber());
            if (leg.isEmpty()) {
                continue;
            }
            legs++;
            events += tracking.record(leg.get(), parcel.events(), source).newEvents();
            tracking.markRegistered(List.of(leg.get().id()), Instant.now());
        }
        jdbc.sql("UPDATE carrier_webhook_events SET processed_at = now() WHERE id = :id")
                .param("id", id.get())
                .update();
        return new Outcome(false, parcels.size(), legs, events);
    }

    static String dedupKey(byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String clip(String number) {
        return number.length() <= 64 ? number : null;
    }

    private static @Nullable String inet(String address) {
        return address.matches("^[0-9a-fA-F:.]{2,45}$") ? address : null;
    }
}
