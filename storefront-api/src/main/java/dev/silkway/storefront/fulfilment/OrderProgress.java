package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.order.OrderLifecycle;
import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.order.OrderStatus;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an order as far as its lines allow, one legal step at a time and never backwards: PURCHASED once every
 * line still to deliver is bought, AT_WAREHOUSE once every one is in the warehouse (and then its parcel is asked
 * for). A line whose substitute was declined, expired or never found no longer counts; if none counts, the order
 * waits for its refund (REFUND_PENDING) once every line's own refund has started: the payments polling then refunds
 * what is left (the delivery), which it would otherwise take, line refunds and all, as one order refund.
 */
@Component
class OrderProgress {

    private static final List<OrderStatus> LADDER =
            List.of(OrderStatus.PURCHASING, OrderStatus.PURCHASED, OrderStatus.AT_WAREHOUSE);
    private static final Set<String> DROPPED = Set.of("DECLINED", "EXPIRED", "NONE");

    private final FulfilmentOrders orders;
    private final Purchases purchases;
    private final Parcels parcels;
    private final Substitutions substitutions;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    OrderProgress(
            FulfilmentOrders orders,
            Purchases purchases,
            Parcels parcels,
            Substitutions substitutions,
            OrderLifecycle lifecycle,
            Clock clock) {
        this.orders = orders;
        this.purchases = purchases;
        this.parcels = parcels;
        this.substitutions = substitutions;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void advance(UUID orderId) {
        OrderStatus status = orders.lockStatus(orderId).orElseThrow();
        int at = LADDER.indexOf(status);
        if (at < 0) {
            return;
        }
        List<Purchases.LineState> live = purchases.lineStates(orderId).stream()
                .filter(l -> l.purchase() != null || !DROPPED.contains(l.substitution()))
                .toList();
        if (live.isEmpty()) {
            if (status.canMoveTo(OrderStatus.REFUND_PENDING) && !substitutions.refundWaits(orderId)) {
                lifecycle.move(
                        orderId, OrderStatus.REFUND_PENDING, OrderSource.SYSTEM, null, "no line could be bought");
            }
            return;
        }
        int target = live.stream().mapToInt(OrderProgress::rank).min().orElse(0);
        for (int step = at + 1; step <= target; step++) {
            OrderStatus next = LADDER.get(step);
            lifecycle.move(orderId, next, OrderSource.SYSTEM, null, note(next));
            if (next == OrderStatus.AT_WAREHOUSE) {
                parcels.request(orderId, clock.instant());
            }
        }
    }

    private static int rank(Purchases.LineState line) {
        return switch (line.purchase() == null ? "PENDING" : line.purchase()) {
            case "ARRIVED" -> 2;
            case "PURCHASED" -> 1;
            default -> 0;
        };
    }

    private static String note(OrderStatus status) {
        return switch (status) {
            case PURCHASED -> "every line bought on its marketplace";
            case AT_WAREHOUSE -> "every line in the partner's warehouse";
            default -> status.name();
        };
    }
}
