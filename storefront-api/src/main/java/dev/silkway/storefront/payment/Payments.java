package dev.silkway.storefront.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment attempts ({@code payments}) and the few facts of their order that paying needs. */
@Repository
class Payments {

    private static final String COLUMNS = """
            id, order_id, attempt, provider, method, status, provider_status, provider_payment_id, idempotence_key,
            amount_minor, currency, paid_minor, refunded_minor, confirmation_url, failure_reason, expires_at, created_at""";

    /** An order as paying sees it: what it costs, how it is paid, until when its stock is held. */
    record PayableOrder(
            UUID id,
            long number,
            String status,
            long total,
            String currency,
            String method,
            String country,
            @Nullable Instant reservedUntil) {}

    record Payment(
            UUID id,
            UUID orderId,
            int attempt,
            PaymentProvider provider,
            String method,
            String status,
            @Nullable String providerStatus,
            @Nullable String providerPaymentId,
            UUID idempotenceKey,
            long amount,
            String currency,
            long paid,
            long refunded,
            @Nullable String confirmationUrl,
            @Nullable String failureReason,
            @Nullable Instant expiresAt,
            Instant createdAt) {

        boolean live(Instant now) {
            return (status.equals("CREATED") || status.equals("PENDING") || status.equals("WAITING_FOR_CAPTURE"))
                    && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PayableOrder> lockOrder(UUID orderId) {
        return jdbc.sql("""
                        SELECT id, order_number, status, total_minor, currency, payment_method, shipping_country, reserved_until
                        FROM orders WHERE id = ? FOR UPDATE""")
                .param(orderId)
                .query((rs, n) -> new PayableOrder(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5).strip(),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs.getTimestamp(8))))
                .optional();
    }

    Optional<Payment> latest(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? ORDER BY attempt DESC LIMIT 1")
                .param(orderId)
                .query(Payments::payment)
                .optional();
    }

    /** The order's latest attempt and what its payments received, in one read (taken after the order's lock). */
    record Standing(Optional<Payment> latest, long received) {}

    Standing standing(UUID orderId) {
        return jdbc.sql("SELECT p.*, r.received FROM (SELECT COALESCE(sum(paid_minor), 0) AS received FROM payments"
                        + " WHERE order_id = :order AND status IN ('SUCCEEDED', 'PARTIALLY_PAID', 'DUPLICATE')) r"
                        + " LEFT JOIN LATERAL (SELECT " + COLUMNS + " FROM payments WHERE order_id = :order"
                        + " ORDER BY attempt DESC LIMIT 1) p ON true")
                .param("order", orderId)
                .query((rs, n) -> new Standing(
                        rs.getObject("id") == null ? Optional.empty() : Optional.of(payment(rs, n)),
                        rs.getLong("received")))
                .single();
    }

    List<Payment> of(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? ORDER BY attempt")
                .param(orderId)
                .query(Payments::payment)
                .list();
    }

    Optional<Payment> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ?")
                .param(id)
                .query(Payments::payment)
                .optional();
    }

    Optional<Payment> lockByProviderId(PaymentProvider provider, String providerPaymentId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM payments WHERE provider = ? AND provider_payment_id = ? FOR UPDATE")
                .param(provider.name())
                .param(providerPaymentId)
                .query(Payments::payment)
                .optional();
    }

    /** Payments of a provider created in [from, to) (reconciliation). */
    List<Payment> created(PaymentProvider provider, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM payments WHERE provider = ? AND created_at >= ? AND created_at < ?")
                .param(provider.name())
                .param(utc(from))
                .param(utc(to))
                .query(Payments::payment)
                .list();
    }

    Payment insert(
            PayableOrder order, int attempt, PaymentProvider provider, long amount, @Nullable Instant expiresAt) {
        UUID key = UUID.nameUUIDFromBytes(("silkway-payment:" + order.id() + ":" + attempt).getBytes());
        return jdbc.sql(
                        "INSERT INTO payments (order_id, attempt, provider, method, idempotence_key, amount_minor, currency,"
                                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)
                .param(order.id())
                .param(attempt)
                .param(provider.name())
                .param(order.method())
                .param(key)
                .param(amount)
                .param(order.currency())
                .param(expiresAt == null ? null : utc(expiresAt))
                .query(Payments::payment)
                .single();
    }

    /**
     * What the provider answered to the create: its id and page; the status only moves on from CREATED. The
     * attempt as it now stands.
     */
    Payment created(UUID id, ProviderPayment created, @Nullable Instant expiresAt) {
        return jdbc.sql("""
                        UPDATE payments SET provider_payment_id = :providerId, provider_status = :providerStatus,
                            confirmation_url = :url, expires_at = COALESCE(:expires, expires_at),
                            status = CASE WHEN status = 'CREATED' THEN :status ELSE status END,
                            updated_at = now(), version = version + 1
                        WHERE id = :id RETURNING\s""" + COLUMNS)
                .param("providerId", created.providerPaymentId())
                .param("providerStatus", clip(created.providerStatus(), 64))
                .param("url", created.confirmationUrl() == null ? null : clip(created.confirmationUrl(), 2048))
                .param("expires", expiresAt == null ? null : utc(expiresAt))
                .param("status", created.status().name())
                .param("id", id)
                .query(Payments::payment)
                .single();
    }

    void move(UUID id, String status, String providerStatus, long paid, @Nullable String failureReason, Instant now) {
        jdbc.sql("""
                        UPDATE payments SET status = :status, provider_status = :providerStatus, paid_minor = :paid,
                            captured_minor = CASE WHEN :status IN ('SUCCEEDED', 'DUPLICATE') THEN amount_minor ELSE captured_minor END,
                            failure_reason = COALESCE(:reason, failure_reason),
                            succeeded_at = CASE WHEN :status = 'SUCCEEDED' THEN :now ELSE succeeded_at END,
                            updated_at = :now, version = version + 1
                        WHERE id = :id""")
                .param("status", status)
                .param("providerStatus", clip(providerStatus, 64))
                .param("paid", paid)
                .param("reason", failureReason == null ? null : clip(failureReason, 1000))
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    boolean succeededOther(UUID orderId, UUID paymentId) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM payments WHERE order_id = ? AND id <> ? AND status = 'SUCCEEDED')")
                .param(orderId)
                .param(paymentId)
                .query(Boolean.class)
                .single();
    }

    /** What the order's payments received (succeeded, partial, duplicates). */
    long received(UUID orderId) {
        return jdbc.sql("SELECT COALESCE(sum(paid_minor), 0) FROM payments WHERE order_id = ?"
                        + " AND status IN ('SUCCEEDED', 'PARTIALLY_PAID', 'DUPLICATE')")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    void addRefunded(UUID paymentId, long amount) {
        jdbc.sql("UPDATE payments SET refunded_minor = refunded_minor + ?, updated_at = now() WHERE id = ?")
                .param(amount)
                .param(paymentId)
                .update();
    }

    static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getInt("attempt"),
                PaymentProvider.valueOf(rs.getString("provider")),
                rs.getString("method"),
                rs.getString("status"),
                rs.getString("provider_status"),
                rs.getString("provider_payment_id"),
                rs.getObject("idempotence_key", UUID.class),
                rs.getLong("amount_minor"),
                rs.getString("currency").strip(),
                rs.getLong("paid_minor"),
                rs.getLong("refunded_minor"),
                rs.getString("confirmation_url"),
                rs.getString("failure_reason"),
                instant(rs.getTimestamp("expires_at")),
                rs.getTimestamp("created_at").toInstant());
    }
}
