package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.order.OrderLifecycle;
import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.order.OrderStatus;
import dev.silkway.storefront.payment.Refunds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of the fulfilment job: paid orders start purchasing (one purchase row per line), due purchase and parcel
 * requests go to the partner (claimed first, so a crash or a second instance never sends one twice at once, and the
 * partner is idempotent on the reference anyway), expired substitute offers close, and the refunds due start through
 * the payments facade (a line is never refunded twice: the facade cuts what it is asked to what is left). Partner
 * calls happen outside any transaction; their answers are recorded in one each.
 */
@Component
class PurchasingStep {

    private static final Logger log = LoggerFactory.getLogger(PurchasingStep.class);

    private final FulfilmentOrders orders;
    private final Purchases purchases;
    private final Parcels parcels;
    private final Substitutions substitutions;
    private final Offers offers;
    private final OrderProgress progress;
    private final OrderLifecycle lifecycle;
    private final PartnerClient partner;
    private final Refunds refunds;
    private final TransactionTemplate transactions;
    private final FulfilmentProperties properties;
    private final Clock clock;

    PurchasingStep(
            FulfilmentOrders orders,
            Purchases purchases,
            Parcels parcels,
            Substitutions substitutions,
            Offers offers,
            OrderProgress progress,
            OrderLifecycle lifecycle,
            PartnerClient partner,
            Refunds refunds,
            TransactionTemplate transactions,
            FulfilmentProperties properties,
            Clock clock) {
        this.orders = orders;
        this.purchases = purchases;
        this.parcels = parcels;
        this.substitutions = substitutions;
        this.offers = offers;
        this.progress = progress;
        this.lifecycle = lifecycle;
        this.partner = partner;
        this.refunds = refunds;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every part, each on its own: one failing (the database briefly away) does not hold the others back. */
    void run() {
        part("start paid orders", this::startPaidOrders);
        part("send purchases", this::sendPurchases);
        part("send parcels", this::sendParcels);
        part("expire substitute offers", () -> offers.expire(properties.batch()));
        part("start line refunds", this::startRefunds);
    }

    private static void part(String name, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            log.error("Fulfilment step '{}' failed; it runs again on the next tick", name, e);
        }
    }

    void startPaidOrders() {
        transactions.executeWithoutResult(tx -> {
            for (UUID order : orders.paid(properties.batch())) {
                lifecycle.move(
                        order, OrderStatus.PURCHASING, OrderSource.SYSTEM, null, "sent to the purchasing partner");
                purchases.createForOrder(order, clock.instant());
            }
        });
    }

    void sendPurchases() {
        Instant now = clock.instant();
        List<Purchases.Purchase> due =
                transactions.execute(tx -> purchases.claimDue(now, now.plus(properties.lease()), properties.batch()));
        for (Purchases.Purchase p : due) {
            try {
                PartnerClient.PurchaseAnswer answer = partner.purchase(new PartnerClient.PurchaseOrder(
                        p.reference(), p.marketplace(), p.productId(), p.skuId(), p.quantity(), p.maxPriceFen()));
                transactions.executeWithoutResult(tx -> {
                    if (answer.accepted()) {
                        purchases.accepted(p.id(), answer.purchaseId(), clock.instant());
                    } else {
                        purchases.refused(p.id(), answer.refusal(), clock.instant());
                        offers.offerFor(p);
                        progress.advance(p.orderId());
                    }
                });
            } catch (PartnerFailed e) {
                log.warn("Purchase {} not sent (attempt {}): {}", p.reference(), p.attempts(), e.getMessage());
                purchases.failed(
                        p.id(),
                        e.getMessage(),
                        clock.instant().plus(properties.backoff(p.attempts())),
                        clock.instant());
            }
        }
    }

    void sendParcels() {
        Instant now = clock.instant();
        List<Parcels.Parcel> due =
                transactions.execute(tx -> parcels.claimDue(now, now.plus(properties.lease()), properties.batch()));
        for (Parcels.Parcel parcel : due) {
            var destination = orders.destination(parcel.orderId());
            List<String> live = purchases.live(parcel.orderId()).stream()
                    .map(Purchases.Purchase::reference)
                    .toList();
            try {
                var answer =
                        partner.parcel(parcel.reference(), live, destination.deliveryMethod(), destination.country());
                if (answer.parcelId() != null) {
                    parcels.accepted(parcel.id(), answer.parcelId(), clock.instant());
                } else {
                    parcels.failed(
                            parcel.id(),
                            "not all purchases in the warehouse yet",
                            clock.instant().plus(properties.backoff(parcel.attempts())),
                            clock.instant());
                }
            } catch (PartnerFailed e) {
                log.warn(
                        "Parcel of order {} not sent (attempt {}): {}",
                        parcel.orderId(),
                        parcel.attempts(),
                        e.getMessage());
                parcels.failed(
                        parcel.id(),
                        e.getMessage(),
                        clock.instant().plus(properties.backoff(parcel.attempts())),
                        clock.instant());
            }
        }
    }

    /**
     * Lines refused for good (no substitute, declined, expired): refunded through the payments facade, then the order
     * moved on (to REFUND_PENDING once no line is left and every line's refund has started).
     */
    void startRefunds() {
        for (Substitutions.Substitution s : substitutions.refundsDue(properties.batch())) {
            try {
                refunds.refundLine(
                        s.orderId(), s.orderLineId(), s.quantity(), reason(s.status()), OrderSource.SYSTEM, null);
                transactions.executeWithoutResult(tx -> {
                    substitutions.refundStarted(s.id(), clock.instant());
                    progress.advance(s.orderId());
                });
            } catch (RuntimeException e) {
                log.warn("Refund of line {} of order {} not started: {}", s.orderLineId(), s.orderId(), e.toString());
                substitutions.refundFailed(s.id(), e.toString());
            }
        }
    }

    private static String reason(String status) {
        return switch (status) {
            case "DECLINED" -> "sold out after payment; the substitute was declined";
            case "EXPIRED" -> "sold out after payment; the substitute was not answered in time";
            default -> "sold out after payment; no substitute available";
        };
    }
}
