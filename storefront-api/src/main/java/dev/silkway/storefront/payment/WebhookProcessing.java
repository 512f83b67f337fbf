package dev.silkway.storefront.payment;

import dev.silkway.storefront.order.OrderLifecycle;
import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.order.OrderStatus;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One authenticated webhook event, in one transaction: stored (a duplicate delivery stops here and
 * changes nothing), then the payment or refund it reports applied with the order's transition and its
 * outbox event. A payment only moves forward (an event older than what we know is recorded and
 * ignored; see {@link #RANK}); an amount or currency other than the attempt's is flagged and never paid; a payment we do not
 * know is flagged; money that arrives for an order that can no longer take it is refunded.
 */
@Service
class WebhookProcessing {

    /**
     * How far a payment has come: it only moves up. Money that arrived outranks its absence, so a crypto
     * payment reported paid after it was reported expired is taken (and refunded if its order is gone),
     * while a "cancelled" after "succeeded" is an old event and ignored.
     */
    private static final Map<String, Integer> RANK = Map.of(
            "CREATED", 0,
            "PENDING", 1,
            "WAITING_FOR_CAPTURE", 2,
            "CANCELLED", 3,
            "FAILED", 3,
            "EXPIRED", 3,
            "PARTIALLY_PAID", 4,
            "SUCCEEDED", 5,
            "DUPLICATE", 5);

    private final WebhookEvents events;
    private final Payments payments;
    private final RefundSettlement settlement;
    private final ProviderRefunds refunds;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    WebhookProcessing(
            WebhookEvents events,
            Payments payments,
            RefundSettlement settlement,
            ProviderRefunds refunds,
            OrderLifecycle lifecycle,
            Clock clock) {
        this.events = events;
        this.payments = payments;
        this.settlement = settlement;
        this.refunds = refunds;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** False when the event was delivered before (nothing done). */
    @Transactional
    public boolean process(WebhookEvent event, InetAddress from) {
        Instant now = clock.instant();
        String providerPaymentId = event.payment() != null
                ? event.payment().providerPaymentId()
                : event.refund() != null ? event.refund().providerPaymentId() : null;
        var id = events.insert(event, providerPaymentId, from, now);
        if (id.isEmpty()) {
            return false;
        }
        if (event.payment() != null) {
            apply(id.getAsLong(), event.payment(), now);
        } else if (event.refund() != null && !settlement.settle(event.refund())) {
            events.flag(id.getAsLong(), WebhookEvents.Flag.UNKNOWN_PAYMENT, "a refund we did not ask for");
        }
        events.processed(id.getAsLong(), now);
        return true;
    }

    /** The provider's word on a payment (webhook or polling), in the caller's transaction. */
    void apply(long eventId, ProviderPayment reported, Instant now) {
        var found = payments.lockByProviderId(reported.provider(), reported.providerPaymentId());
        if (found.isEmpty()) {
            events.flag(eventId, WebhookEvents.Flag.UNKNOWN_PAYMENT, "no payment of ours has this provider id");
            return;
        }
        Payments.Payment payment = found.get();
        if (reported.amountMinor() != payment.amount() || !reported.currency().equals(payment.currency())) {
            events.flag(
                    eventId,
                    WebhookEvents.Flag.AMOUNT_MISMATCH,
                    "provider reports " + reported.amountMinor() + " " + reported.currency() + ", the attempt is "
                            + payment.amount() + " " + payment.currency());
            return;
        }
        String to = reported.status().name();
        if (RANK.get(to) <= RANK.get(payment.status())
                && !(to.equals("PARTIALLY_PAID") && reported.paidMinor() > payment.paid())) {
            return;
        }
        switch (reported.status()) {
            case SUCCEEDED -> succeeded(eventId, payment, reported, now);
            case PARTIALLY_PAID -> partiallyPaid(payment, reported, now);
            case CANCELLED, FAILED, EXPIRED ->
                payments.move(payment.id(), to, reported.providerStatus(), 0, failure(reported), now);
            case PENDING, WAITING_FOR_CAPTURE ->
                payments.move(payment.id(), to, reported.providerStatus(), payment.paid(), null, now);
        }
    }

    private void succeeded(long eventId, Payments.Payment payment, ProviderPayment reported, Instant now) {
        var order = payments.lockOrder(payment.orderId()).orElseThrow();
        // what the attempt asked for counts as paid; a surplus (crypto overpaid) is flagged for operators
        long paid = payment.amount();
        if (reported.paidMinor() > payment.amount()) {
            events.flag(
                    eventId,
                    WebhookEvents.Flag.OVERPAID,
                    "received " + reported.paidMinor() + ", the attempt asked " + payment.amount() + " "
                            + payment.currency() + ": return the surplus of "
                            + (reported.paidMinor() - payment.amount()));
        }
        if (payments.succeededOther(payment.orderId(), payment.id())) {
            payments.move(
                    payment.id(), "DUPLICATE", reported.providerStatus(), paid, "the order was paid already", now);
            events.flag(eventId, WebhookEvents.Flag.DUPLICATE_PAYMENT, "refunded in full: the order was paid already");
            refunds.refundPayment(payments.byId(payment.id()).orElseThrow(), "paid twice: refunded automatically");
            return;
        }
        payments.move(payment.id(), "SUCCEEDED", reported.providerStatus(), paid, null, now);
        String status = order.status();
        if (status.equals("AWAITING_PAYMENT") || status.equals("PARTIALLY_PAID")) {
            lifecycle.move(
                    payment.orderId(),
                    OrderStatus.PAID,
                    OrderSource.PAYMENT,
                    null,
                    "paid through " + payment.provider() + " (attempt " + payment.attempt() + ")");
            return;
        }
        // paid after the order was cancelled (reservation expired) or moved on: the money goes back
        events.flag(eventId, WebhookEvents.Flag.PAID_TOO_LATE, "paid while the order was " + status + "; refunded");
        refunds.refundPayment(payments.byId(payment.id()).orElseThrow(), "paid after the order was " + status);
    }

    private void partiallyPaid(Payments.Payment payment, ProviderPayment reported, Instant now) {
        payments.move(payment.id(), "PARTIALLY_PAID", reported.providerStatus(), reported.paidMinor(), null, now);
        var order = payments.lockOrder(payment.orderId()).orElseThrow();
        if (order.status().equals("AWAITING_PAYMENT")) {
            lifecycle.move(
                    payment.orderId(),
                    OrderStatus.PARTIALLY_PAID,
                    OrderSource.PAYMENT,
                    null,
                    "paid " + reported.paidMinor() + " of " + payment.amount() + " " + payment.currency());
        }
    }

    private static String failure(ProviderPayment reported) {
        String reason = reported.details().get("cancellationReason");
        return reported.providerStatus() + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
