package dev.silkway.tracking.shipment;

import dev.silkway.platform.outbox.Outbox;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what a carrier reported for one leg, in one transaction with the shipment row locked (so a
 * poll and a webhook of the same shipment take turns): the events not yet stored (dedup_key: leg,
 * time, raw code, location, text), the leg's status from its newest event (the furthest of a tie), the shipment's status from its
 * furthest leg, its stage (never backwards) and ETA, and {@code ShipmentStatusChanged} through the
 * outbox when any of them changed.
 */
@Service
public class ShipmentTracking {

    static final String EVENT = "ShipmentStatusChanged";

    /**
     * Among events of the same instant (carriers stamp to the second or the minute, and list them in any order),
     * the one further on: a final status, then the parcel near its addressee, then out of customs or handed on.
     */
    private static final String FURTHEST_FIRST = """
            CASE WHEN status IN ('DELIVERED', 'EXCEPTION', 'EXPIRED') THEN 4
                 WHEN status IN ('OUT_FOR_DELIVERY', 'AVAILABLE_FOR_PICKUP', 'ATTEMPT_FAIL') THEN 3
                 WHEN sub_status IN ('customs_released', 'handed_to_last_mile') THEN 2
                 WHEN status = 'IN_TRANSIT' THEN 1
                 ELSE 0 END""";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ShipmentProgress progress;

    ShipmentTracking(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.progress = new ShipmentProgress(jdbc);
    }

    /** What recording left the leg at. */
    public record Recorded(
            int newEvents,
            TrackingStatus legStatus,
            @Nullable String legSubStatus) {}

    @Transactional
    public Recorded record(TrackedLeg leg, List<CarrierEvent> events, String source) {
        progress.lock(leg.shipmentId());
        int inserted = 0;
        for (CarrierEvent event : events) {
            inserted += insert(leg, event, source);
        }
        LegState state = jdbc.sql("""
                SELECT status, sub_status, last_event_at FROM shipment_legs WHERE id = :id
                """)
                .param("id", leg.id())
                .query((rs, i) -> new LegState(
                        TrackingStatus.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
        if (inserted == 0) {
            return new Recorded(0, state.status(), state.subStatus());
        }
        Newest newest = jdbc.sql("""
                SELECT status, sub_status, occurred_at FROM tracking_events
                WHERE leg_id = :leg ORDER BY occurred_at DESC, %s DESC, id DESC LIMIT 1
                """.formatted(FURTHEST_FIRST))
                .param("leg", leg.id())
                .query((rs, i) -> new Newest(
                        TrackingStatus.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .single();
        jdbc.sql("""
                UPDATE shipment_legs SET status = :status, sub_status = :sub, last_event_at = :at, updated_at = now()
                WHERE id = :id
                """)
                .param("status", newest.status().name())
                .param("sub", newest.subStatus())
                .param("at", Timestamp.from(newest.occurredAt()))
                .param("id", leg.id())
                .update();
        progress.recompute(leg.shipmentId()).ifPresent(this::publish);
        return new Recorded(inserted, newest.status(), newest.subStatus());
    }

    /** Marks the legs as registered for pushed updates (17TRACK register, CDEK subscription). */
    @Transactional
    public void markRegistered(List<Long> legIds, Instant at) {
        if (!legIds.isEmpty()) {
            jdbc.sql("UPDATE shipment_legs SET registered_at = :at WHERE id IN (:ids) AND registered_at IS NULL")
                    .param("at", Timestamp.from(at))
                    .param("ids", legIds)
                    .update();
        }
    }

    /** The leg a carrier's number belongs to. */
    public Optional<TrackedLeg> leg(String carrierCode, String trackNumber) {
        return jdbc.sql(Legs.SELECT + " WHERE l.carrier_code = :carrier AND l.track_number = :number")
                .param("carrier", carrierCode)
                .param("number", trackNumber)
                .query(Legs::map)
                .optional();
    }

    private int insert(TrackedLeg leg, CarrierEvent event, String source) {
        return jdbc.sql("""
                INSERT INTO tracking_events (shipment_id, leg_id, occurred_at, status, sub_status, raw_status,
                                             description, location, source, raw, dedup_key)
                VALUES (:shipment, :leg, :at, :status, :sub, :rawStatus, :description, :location, :source,
                        CAST(:raw AS jsonb), :dedup)
                ON CONFLICT (leg_id, dedup_key) DO NOTHING
                """)
                .param("shipment", leg.shipmentId())
                .param("leg", leg.id())
                .param("at", Timestamp.from(event.occurredAt()))
                .param("status", event.status().name())
                .param("sub", clip(event.subStatus(), 64))
                .param("rawStatus", clip(event.rawStatus(), 128))
                .param("description", clip(event.description(), 2000))
                .param("location", clip(event.location(), 500))
                .param("source", source)
                .param("raw", event.raw().isBlank() ? "{}" : event.raw())
                .param("dedup", dedupKey(leg.id(), event))
                .update();
    }

    private void publish(ShipmentProgress.Changed changed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipmentId", changed.shipmentId().toString());
        payload.put("orderId", changed.orderId().toString());
        payload.put("status", changed.status().name());
        payload.put("subStatus", changed.subStatus());
        payload.put("stage", changed.stage().name());
        payload.put("legKind", changed.legKind());
        payload.put("at", changed.at().toString());
        outbox.append(new Outbox.OutboxEvent("shipment", changed.shipmentId().toString(), EVENT, payload));
    }

    /**
     * What identifies an event at the carrier: leg, time, raw code, place and text (two scans at one hub in the same
     * minute often share the code); the values as stored (V91 computes the same for the events stored before it).
     */
    static byte[] dedupKey(long legId, CarrierEvent event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String description = clip(event.description(), 2000);
            String key = legId + "\u0000" + event.occurredAt().toEpochMilli() + "\u0000" + clip(event.rawStatus(), 128)
                    + "\u0000"
                    + (event.location() == null ? "" : event.location().strip()) + "\u0000"
                    + (description == null ? "" : description);
            return sha.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private record LegState(
            TrackingStatus status,
            @Nullable String subStatus,
            @Nullable Instant lastEventAt) {}

    private record Newest(TrackingStatus status, @Nullable String subStatus, Instant occurredAt) {}
}
