package dev.silkway.storefront.payment;

import dev.silkway.storefront.order.OrderSource;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What webhooks may miss, looked at every {@code silkway.payments.poll-interval}: orders waiting for their
 * refund (cancelled after payment) get it started, or become REFUNDED when nothing is left; refunds not
 * sent (the provider was down) are sent again with their key, pending ones asked for their state.
 */
@Component
class PaymentPolling {

    private static final int BATCH = 100;

    private final ProviderRefunds refunds;
    private final PaymentRefunds rows;
    private final RefundSettlement settlement;
    private final PaymentsProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentPolling(
            ProviderRefunds refunds,
            PaymentRefunds rows,
            RefundSettlement settlement,
            PaymentsProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.refunds = refunds;
        this.rows = rows;
        this.settlement = settlement;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    void poll() {
        for (UUID orderId : waitingForRefund()) {
            List<Refunds.RefundStarted> started =
                    refunds.refundOrder(orderId, "order cancelled after payment", OrderSource.SYSTEM, null);
            if (started.isEmpty()) {
                transactions.executeWithoutResult(status -> settlement.completeIfRefunded(orderId));
            }
        }
        for (var refund : rows.unsettled(clock.instant().minus(properties.refundSendGrace()), BATCH)) {
            settlement.send(refund.id());
        }
    }

    /** Orders in REFUND_PENDING with no refund under way. */
    private List<UUID> waitingForRefund() {
        return jdbc.sql("""
                        SELECT o.id FROM orders o WHERE o.status = 'REFUND_PENDING'
                          AND NOT EXISTS (SELECT 1 FROM refunds r JOIN payments p ON p.id = r.payment_id
                                          WHERE p.order_id = o.id AND r.status = 'PENDING')
                        ORDER BY o.updated_at LIMIT ?""").param(BATCH).query(UUID.class).list();
    }
}
