package dev.silkway.storefront.payment;

import dev.silkway.storefront.order.OrderLifecycle;
import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.order.OrderStatus;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends refunds to their provider and records where they end: the provider's refund id, then SUCCEEDED
 * (the payment's refunded sum grows; an order waiting for its refund becomes REFUNDED once nothing is
 * left), CANCELLED or FAILED. A refund the provider could not be asked for stays PENDING without a
 * provider id and is sent again by {@link PaymentPolling}, with the same idempotence key.
 */
@Component
class RefundSettlement {

    private static final Logger log = LoggerFactory.getLogger(RefundSettlement.class);

    private final PaymentRefunds refunds;
    private final Payments payments;
    private final Gateways gateways;
    private final OrderLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RefundSettlement(
            PaymentRefunds refunds,
            Payments payments,
            Gateways gateways,
            OrderLifecycle lifecycle,
            TransactionTemplate transactions,
            Clock clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.gateways = gateways;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends the refunds once the current transaction has committed (at once when there is none). */
    void sendAfterCommit(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            ids.forEach(this::send);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ids.forEach(RefundSettlement.this::send);
            }
        });
    }

    /** Asks the provider for the refund (or for its state, once asked); failures are left to polling. */
    void send(UUID refundId) {
        var refund = refunds.byId(refundId).orElse(null);
        if (refund == null || !refund.status().equals("PENDING") || refund.providerPaymentId() == null) {
            return;
        }
        try {
            PaymentGateway gateway = gateways.of(refund.provider());
            ProviderRefund answer = refund.providerRefundId() == null
                    ? gateway.refund(new RefundRequest(
                            refund.providerPaymentId(),
                            refund.id(),
                            refund.idempotenceKey().toString(),
                            refund.amount(),
                            refund.currency(),
                            refund.reason() == null ? "refund" : refund.reason()))
                    : gateway.fetchRefund(refund.providerRefundId());
            transactions.executeWithoutResult(status -> {
                refunds.sent(refund.id(), answer);
                settle(refund.id(), answer);
            });
        } catch (PaymentProviderUnavailable | PaymentProviderRefused e) {
            log.warn("Refund {} not sent yet: {}", refundId, e.getMessage());
            if (e instanceof PaymentProviderRefused) {
                transactions.executeWithoutResult(
                        status -> refunds.move(refund.id(), "FAILED", e.getMessage(), clock.instant()));
            }
        }
    }

    /** Records the provider's word on a refund, in the caller's transaction; false when it is not ours. */
    boolean settle(ProviderRefund reported) {
        var refund = refunds.lockByProviderId(reported.provider(), reported.providerRefundId());
        refund.ifPresent(r -> settle(r.id(), reported));
        return refund.isPresent();
    }

    private void settle(UUID refundId, ProviderRefund reported) {
        var refund = refunds.lock(refundId).orElseThrow();
        if (!refund.status().equals("PENDING") || reported.status() == ProviderRefund.Status.PENDING) {
            return;
        }
        refunds.move(refund.id(), reported.status().name(), null, clock.instant());
        if (reported.status() != ProviderRefund.Status.SUCCEEDED) {
            return;
        }
        payments.addRefunded(refund.paymentId(), refund.amount());
        completeIfRefunded(refund.orderId());
    }

    /** An order waiting for its refund becomes REFUNDED once what it received has all been given back. */
    void completeIfRefunded(UUID orderId) {
        var order = payments.lockOrder(orderId).orElseThrow();
        if (order.status().equals(OrderStatus.REFUND_PENDING.name())
                && refunds.refunded(orderId) >= payments.received(orderId)) {
            lifecycle.move(orderId, OrderStatus.REFUNDED, OrderSource.PAYMENT, null, "refunded in full");
        }
    }
}
