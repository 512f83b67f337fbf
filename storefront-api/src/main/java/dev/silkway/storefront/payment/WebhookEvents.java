package dev.silkway.storefront.payment;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authenticated webhook events ({@code payment_webhook_events}): one row per provider event, flags for operators. */
@Repository
class WebhookEvents {

    enum Flag {
        AMOUNT_MISMATCH,
        UNKNOWN_PAYMENT,
        PAID_TOO_LATE,
        DUPLICATE_PAYMENT,
        OVERPAID
    }

    record Flagged(
            long id,
            String provider,
            String eventType,
            @Nullable String providerPaymentId,
            String flag,
            @Nullable String detail,
            Instant receivedAt) {}

    private final JdbcClient jdbc;

    WebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's row id; empty when the provider delivered this event before (a duplicate). */
    OptionalLong insert(WebhookEvent event, @Nullable String providerPaymentId, InetAddress from, Instant at) {
        return jdbc.sql("""
                        INSERT INTO payment_webhook_events (provider, dedup_key, event_type, provider_payment_id, payload,
                            client_address, received_at, attempts)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS inet), ?, 1)
                        ON CONFLICT ON CONSTRAINT uq_payment_webhook_events_dedup DO NOTHING RETURNING id""")
                .param(event.provider().name())
                .param(Payments.clip(event.dedupKey(), 256))
                .param(Payments.clip(event.eventType(), 128))
                .param(providerPaymentId)
                .param(event.payload())
                .param(from.getHostAddress())
                .param(Payments.utc(at))
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    void processed(long id, Instant at) {
        jdbc.sql("UPDATE payment_webhook_events SET processed_at = ? WHERE id = ?")
                .param(Payments.utc(at))
                .param(id)
                .update();
    }

    void flag(long id, Flag flag, String detail) {
        jdbc.sql("UPDATE payment_webhook_events SET flag = ?, flag_detail = ? WHERE id = ?")
                .param(flag.name())
                .param(Payments.clip(detail, 1000))
                .param(id)
                .update();
    }

    List<Flagged> flagged(int limit) {
        return jdbc.sql("""
                        SELECT id, provider, event_type, provider_payment_id, flag, flag_detail, received_at
                        FROM payment_webhook_events WHERE flag IS NOT NULL ORDER BY received_at DESC, id DESC LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Flagged(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
