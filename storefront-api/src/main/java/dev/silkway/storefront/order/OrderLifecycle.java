package dev.silkway.storefront.order;

import dev.silkway.platform.outbox.Outbox;
import dev.silkway.storefront.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves orders through the state machine: the row locked, the move checked ({@link OrderStatus}),
 * the status set, the move recorded in {@code order_status_history} and published through the
 * outbox, all in one transaction; stock is released when the order stops holding it. An illegal
 * move is refused (409) and changes nothing. The facade later issues (payments, purchase, carriers)
 * call.
 */
@Service
public class OrderLifecycle {

    private final Orders orders;
    private final StockHolds holds;
    private final Outbox outbox;
    private final Clock clock;

    OrderLifecycle(Orders orders, StockHolds holds, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.holds = holds;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public OrderStatus move(
            UUID orderId, OrderStatus to, OrderSource source, @Nullable UUID by, @Nullable String note) {
        OrderStatus from = orders.lockStatus(orderId).orElseThrow(() -> NotFound.of("order"));
        if (!from.canMoveTo(to)) {
            throw OrderProblems.IllegalTransition.of(from, to);
        }
        Instant now = clock.instant();
        orders.setStatus(orderId, to, now);
        orders.recordTransition(orderId, from, to, source, by, note, now);
        if (!to.holdsStock()) {
            holds.release(orderId);
        }
        publish(orderId, from, to, source, now);
        return to;
    }

    /**
     * The shopper cancels their own order (another shopper's is not found) while it may still be cancelled by them
     * (before it is purchased): it moves to CANCELLED, or to REFUND_PENDING once paid.
     */
    @Transactional
    void cancelByShopper(UUID userId, UUID orderId) {
        orders.of(userId, orderId).orElseThrow(() -> NotFound.of("order"));
        OrderStatus status = orders.lockStatus(orderId).orElseThrow();
        if (!status.cancellableByShopper()) {
            throw OrderProblems.IllegalTransition.of(status, OrderStatus.CANCELLED);
        }
        move(orderId, status.cancelledByShopper(), OrderSource.SHOPPER, userId, "cancelled by the shopper");
    }

    /**
     * A carrier's progress: moves the order forward to {@code to} when that lies ahead of its status on
     * the carrier's part of the journey; otherwise (already there or beyond, a late or repeated event,
     * or an order not on its way: refunded, not yet shipped) leaves it as it is. Returns whether it moved.
     */
    @Transactional
    public boolean advance(UUID orderId, OrderStatus to, OrderSource source, @Nullable String note) {
        OrderStatus from = orders.lockStatus(orderId).orElseThrow(() -> NotFound.of("order"));
        if (!from.carriedBefore(to) || !from.canMoveTo(to)) {
            return false;
        }
        move(orderId, to, source, null, note);
        return true;
    }

    void publish(UUID orderId, @Nullable OrderStatus from, OrderStatus to, OrderSource source, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId.toString());
        payload.put("from", from == null ? null : from.name());
        payload.put("to", to.name());
        payload.put("source", source.name());
        payload.put("at", at.toString());
        outbox.append(new Outbox.OutboxEvent("order", orderId.toString(), to.event(), payload));
    }
}
