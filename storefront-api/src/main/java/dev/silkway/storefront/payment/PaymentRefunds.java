package dev.silkway.storefront.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refunds ({@code refunds}). A row is written PENDING without a provider id before the provider is asked
 * (its idempotence key is the row's), sent after its transaction commits, and sent again by the polling
 * job if that send did not happen; its final state comes by webhook or polling.
 */
@Repository
class PaymentRefunds {

    private static final String COLUMNS = """
            r.id, r.payment_id, p.order_id, p.provider, p.provider_payment_id, r.provider_refund_id, r.idempotence_key,
            r.amount_minor, r.currency, r.status, r.reason, r.order_line_id, r.quantity, r.created_at""";

    record Refund(
            UUID id,
            UUID paymentId,
            UUID orderId,
            PaymentProvider provider,
            @Nullable String providerPaymentId,
            @Nullable String providerRefundId,
            UUID idempotenceKey,
            long amount,
            String currency,
            String status,
            @Nullable String reason,
            @Nullable Long lineId,
            @Nullable Integer quantity,
            Instant createdAt) {}

    private final JdbcClient jdbc;

    PaymentRefunds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Refund insert(
            UUID paymentId,
            long amount,
            String currency,
            String reason,
            String source,
            @Nullable UUID by,
            @Nullable Long lineId,
            @Nullable Integer quantity) {
        UUID id = jdbc.sql("""
                        INSERT INTO refunds (payment_id, amount_minor, currency, reason, source, requested_by, order_line_id,
                            quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .param(paymentId)
                .param(amount)
                .param(currency)
                .param(Payments.clip(reason, 1000))
                .param(source)
                .param(by)
                .param(lineId)
                .param(quantity)
                .query(UUID.class)
                .single();
        return byId(id).orElseThrow();
    }

    Optional<Refund> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.id = ?")
                .param(id)
                .query(PaymentRefunds::refund)
                .optional();
    }

    Optional<Refund> lockByProviderId(PaymentProvider provider, String providerRefundId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds r JOIN payments p ON p.id = r.payment_id"
                        + " WHERE p.provider = ? AND r.provider_refund_id = ? FOR UPDATE OF r")
                .param(provider.name())
                .param(providerRefundId)
                .query(PaymentRefunds::refund)
                .optional();
    }

    Optional<Refund> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds r JOIN payments p ON p.id = r.payment_id"
                        + " WHERE r.id = ? FOR UPDATE OF r")
                .param(id)
                .query(PaymentRefunds::refund)
                .optional();
    }

    List<Refund> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds r JOIN payments p ON p.id = r.payment_id"
                        + " WHERE p.order_id = ? ORDER BY r.created_at, r.id")
                .param(orderId)
                .query(PaymentRefunds::refund)
                .list();
    }

    /** Refunds not yet sent (past the grace left for the send after commit) or still pending at the provider. */
    List<Refund> unsettled(Instant createdBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds r JOIN payments p ON p.id = r.payment_id"
                        + " WHERE r.status = 'PENDING' AND r.created_at < ? ORDER BY r.created_at LIMIT ?")
                .param(Payments.utc(createdBefore))
                .param(limit)
                .query(PaymentRefunds::refund)
                .list();
    }

    /** What refunds already take from a payment: every one not cancelled or failed. */
    long committed(UUID paymentId) {
        return jdbc.sql("SELECT COALESCE(sum(amount_minor), 0) FROM refunds WHERE payment_id = ?"
                        + " AND status IN ('PENDING', 'SUCCEEDED')")
                .param(paymentId)
                .query(Long.class)
                .single();
    }

    /** Units of a line already refunded or being refunded. */
    int unitsOfLine(long lineId) {
        return jdbc.sql("SELECT COALESCE(sum(quantity), 0)::integer FROM refunds WHERE order_line_id = ?"
                        + " AND status IN ('PENDING', 'SUCCEEDED')")
                .param(lineId)
                .query(Integer.class)
                .single();
    }

    void sent(UUID id, ProviderRefund refund) {
        jdbc.sql(
                        "UPDATE refunds SET provider_refund_id = ?, updated_at = now() WHERE id = ? AND provider_refund_id IS NULL")
                .param(refund.providerRefundId())
                .param(id)
                .update();
    }

    void move(UUID id, String status, @Nullable String failureReason, Instant now) {
        jdbc.sql("""
                        UPDATE refunds SET status = :status, failure_reason = COALESCE(:reason, failure_reason),
                            succeeded_at = CASE WHEN :status = 'SUCCEEDED' THEN :now ELSE succeeded_at END, updated_at = :now
                        WHERE id = :id""")
                .param("status", status)
                .param("reason", failureReason)
                .param("now", Payments.utc(now))
                .param("id", id)
                .update();
    }

    /** What the order's succeeded refunds gave back. */
    long refunded(UUID orderId) {
        return jdbc.sql("SELECT COALESCE(sum(r.amount_minor), 0) FROM refunds r JOIN payments p ON p.id = r.payment_id"
                        + " WHERE p.order_id = ? AND r.status = 'SUCCEEDED'")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private static Refund refund(ResultSet rs, int n) throws SQLException {
        long line = rs.getLong("order_line_id");
        boolean noLine = rs.wasNull();
        int quantity = rs.getInt("quantity");
        boolean noQuantity = rs.wasNull();
        return new Refund(
                rs.getObject("id", UUID.class),
                rs.getObject("payment_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                PaymentProvider.valueOf(rs.getString("provider")),
                rs.getString("provider_payment_id"),
                rs.getString("provider_refund_id"),
                rs.getObject("idempotence_key", UUID.class),
                rs.getLong("amount_minor"),
                rs.getString("currency").strip(),
                rs.getString("status"),
                rs.getString("reason"),
                noLine ? null : line,
                noQuantity ? null : quantity,
                rs.getTimestamp("created_at").toInstant());
    }
}
