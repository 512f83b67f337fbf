package dev.silkway.storefront.payment;

import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.web.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Refunds} through the providers' refund APIs. With the order's row locked, what is asked is cut
 * to what is left (a payment never gives back more than it received, a line never more units than it
 * has), refunds rows are written, and after the commit each is sent ({@link RefundSettlement#send}). So a
 * repeated call refunds nothing more, and a refund is never sent twice (its idempotence key is its row's).
 */
@Service
class ProviderRefunds implements Refunds {

    private final Payments payments;
    private final PaymentRefunds refunds;
    private final RefundSettlement settlement;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProviderRefunds(
            Payments payments,
            PaymentRefunds refunds,
            RefundSettlement settlement,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.payments = payments;
        this.refunds = refunds;
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<RefundStarted> refundOrder(UUID orderId, String reason, OrderSource source, @Nullable UUID by) {
        return transactions.execute(status -> {
            payments.lockOrder(orderId).orElseThrow(() -> NotFound.of("order"));
            return take(orderId, Long.MAX_VALUE, reason, source, by, null, null);
        });
    }

    @Override
    public List<RefundStarted> refundLine(
            UUID orderId, long orderLineId, int quantity, String reason, OrderSource source, @Nullable UUID by) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        return transactions.execute(status -> {
            payments.lockOrder(orderId).orElseThrow(() -> NotFound.of("order"));
            record Line(int quantity, long unitPrice) {}
            Line line = jdbc.sql("SELECT quantity, unit_price_minor FROM order_lines WHERE id = ? AND order_id = ?")
                    .param(orderLineId)
                    .param(orderId)
                    .query((rs, n) -> new Line(rs.getInt(1), rs.getLong(2)))
                    .optional()
                    .orElseThrow(() -> NotFound.of("order line"));
            int units = Math.min(quantity, line.quantity() - refunds.unitsOfLine(orderLineId));
            if (units <= 0 || line.unitPrice() == 0) {
                return List.of();
            }
            return take(orderId, line.unitPrice() * units, reason, source, by, orderLineId, units);
        });
    }

    /** Refunds an amount of the order (operators), within what is left. */
    List<RefundStarted> refundAmount(UUID orderId, long amount, String reason, OrderSource source, @Nullable UUID by) {
        return transactions.execute(status -> {
            payments.lockOrder(orderId).orElseThrow(() -> NotFound.of("order"));
            return take(orderId, amount, reason, source, by, null, null);
        });
    }

    /** Refunds all of one payment (a duplicate, or one paid after its order was cancelled). */
    List<RefundStarted> refundPayment(Payments.Payment payment, String reason) {
        long left = payment.paid() - refunds.committed(payment.id());
        if (left <= 0) {
            return List.of();
        }
        var row = refunds.insert(
                payment.id(), left, payment.currency(), reason, OrderSource.PAYMENT.name(), null, null, null);
        settlement.sendAfterCommit(List.of(row.id()));
        return List.of(started(row));
    }

    private List<RefundStarted> take(
            UUID orderId,
            long wanted,
            String reason,
            OrderSource source,
            @Nullable UUID by,
            @Nullable Long lineId,
            @Nullable Integer units) {
        List<RefundStarted> started = new ArrayList<>();
        long rest = wanted;
        for (Payments.Payment payment : payments.of(orderId)) {
            if (rest <= 0) {
                break;
            }
            if (!List.of("SUCCEEDED", "PARTIALLY_PAID", "DUPLICATE").contains(payment.status())) {
                continue;
            }
            long left = payment.paid() - refunds.committed(payment.id());
            long amount = Math.min(left, rest);
            if (amount <= 0) {
                continue;
            }
            boolean first = started.isEmpty();
            var row = refunds.insert(
                    payment.id(),
                    amount,
                    payment.currency(),
                    reason,
                    source.name(),
                    by,
                    first ? lineId : null,
                    first ? units : null);
            started.add(started(row));
            rest -= amount;
        }
        if (lineId != null && rest > 0 && wanted != Long.MAX_VALUE && started.isEmpty()) {
            throw PaymentProblems.NothingToRefund.left();
        }
        settlement.sendAfterCommit(started.stream().map(RefundStarted::refundId).toList());
        return started;
    }

    private static RefundStarted started(PaymentRefunds.Refund row) {
        return new RefundStarted(row.id(), row.paymentId(), row.amount(), row.currency(), row.status());
    }
}
