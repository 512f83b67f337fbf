package dev.silkway.tracking.shipment;

import dev.silkway.tracking.carrier.TrackingStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shipment's status from its legs: the furthest leg that moved (in transit or beyond; else the
 * furthest with information received) gives the status; a leg delivered while another follows is the
 * parcel handed on (IN_TRANSIT). The stage only moves forward. The ETA: at the stage's time, the
 * delivery line's ETA range (order snapshot) times the part of the journey still ahead
 * ({@link Stage#fraction}); the day of delivery once delivered.
 */
final class ShipmentProgress {

    private final JdbcClient jdbc;

    ShipmentProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock(UUID shipmentId) {
        jdbc.sql("SELECT id FROM shipments WHERE id = :id FOR UPDATE")
                .param("id", shipmentId)
                .query(UUID.class)
                .single();
    }

    /** Brings the (locked) shipment in line with its legs; what changed, if anything did. */
    Optional<Changed> recompute(UUID shipmentId) {
        Current now = jdbc.sql("""
                SELECT s.order_id, s.status, s.sub_status, s.stage, coalesce(s.shipped_at, s.created_at) AS started,
                       (o.snapshot -> 'deliveryLine' ->> 'etaMinDays')::int AS eta_min,
                       (o.snapshot -> 'deliveryLine' ->> 'etaMaxDays')::int AS eta_max
                FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = :id
                """)
                .param("id", shipmentId)
                .query((rs, i) -> new Current(
                        rs.getObject("order_id", UUID.class),
                        TrackingStatus.valueOf(rs.getString("status")),
                        rs.getString("sub_status"),
                        Stage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("started").toInstant(),
                        (Integer) rs.getObject("eta_min"),
                        (Integer) rs.getObject("eta_max")))
                .single();
        List<LegRow> legs = jdbc.sql("""
                SELECT kind, status, sub_status, last_event_at FROM shipment_legs
                WHERE shipment_id = :id ORDER BY leg_no
                """)
                .param("id", shipmentId)
                .query((rs, i) -> new LegRow(
                        rs.getString(1),
                        TrackingStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
        int furthest = furthest(legs);
        LegRow leg = legs.get(furthest);
        boolean lastLeg = furthest == legs.size() - 1;
        TrackingStatus status =
                leg.status() == TrackingStatus.DELIVERED && !lastLeg ? TrackingStatus.IN_TRANSIT : leg.status();
        String subStatus = leg.status() == TrackingStatus.DELIVERED && !lastLeg ? "handed_over" : leg.subStatus();
        Stage stage = now.stage().atLeast(Stage.of(leg.kind(), lastLeg, leg.status(), leg.subStatus()));
        Instant at = leg.lastEventAt() == null ? now.started() : leg.lastEventAt();
        Instant lastEvent = legs.stream()
                .map(LegRow::lastEventAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        boolean changed = status != now.status() || !Objects.equals(subStatus, now.subStatus()) || stage != now.stage();
        Instant stageAt = stage != now.stage() ? at : null;
        jdbc.sql("""
                UPDATE shipments SET status = :status, sub_status = :sub, stage = :stage,
                       last_event_at = :lastEvent,
                       delivered_at = CASE WHEN :stage = 'DELIVERED' THEN coalesce(delivered_at, :at) END,
                       eta_earliest = coalesce(:etaEarliest, eta_earliest, :etaFirstEarliest),
                       eta_latest = coalesce(:etaLatest, eta_latest, :etaFirstLatest),
                       updated_at = now(), version = version + 1
                WHERE id = :id
                """)
                .param("status", status.name())
                .param("sub", subStatus)
                .param("stage", stage.name())
                .param("lastEvent", lastEvent == null ? null : Timestamp.from(lastEvent))
                .param("at", Timestamp.from(at))
                .param("etaEarliest", stageAt == null ? null : eta(now, stage, stageAt, now.etaMin()))
                .param("etaLatest", stageAt == null ? null : eta(now, stage, stageAt, now.etaMax()))
                .param("etaFirstEarliest", eta(now, Stage.SHIPPED, now.started(), now.etaMin()))
                .param("etaFirstLatest", eta(now, Stage.SHIPPED, now.started(), now.etaMax()))
                .param("id", shipmentId)
                .update();
        return changed
                ? Optional.of(new Changed(shipmentId, now.orderId(), status, subStatus, stage, leg.kind(), at))
                : Optional.empty();
    }

    /** The index of the leg that gives the shipment its status. */
    static int furthest(List<LegRow> legs) {
        int received = -1;
        for (int i = legs.size() - 1; i >= 0; i--) {
            TrackingStatus s = legs.get(i).status();
            if (s != TrackingStatus.PENDING && s != TrackingStatus.INFO_RECEIVED) {
                return i;
            }
            if (s == TrackingStatus.INFO_RECEIVED && received < 0) {
                received = i;
            }
        }
        return Math.max(received, 0);
    }

    private static @Nullable Timestamp eta(Current now, Stage stage, Instant stageAt, @Nullable Integer days) {
        if (stage == Stage.DELIVERED) {
            return Timestamp.from(stageAt);
        }
        if (stage == Stage.OUT_FOR_DELIVERY) {
            return Timestamp.from(stageAt.plus(Duration.ofDays(1)));
        }
        if (days == null) {
            return null;
        }
        return Timestamp.from(stageAt.plus(Duration.ofMinutes(Math.round(days * 24 * 60 * stage.fraction()))));
    }

    record LegRow(
            String kind,
            TrackingStatus status,
            @Nullable String subStatus,
            @Nullable Instant lastEventAt) {}

    private record Current(
            UUID orderId,
            TrackingStatus status,
            @Nullable String subStatus,
            Stage stage,
            Instant started,
            @Nullable Integer etaMin,
            @Nullable Integer etaMax) {}

    record Changed(
            UUID shipmentId,
            UUID orderId,
            TrackingStatus status,
            @Nullable String subStatus,
            Stage stage,
            String legKind,
            Instant at) {}
}
