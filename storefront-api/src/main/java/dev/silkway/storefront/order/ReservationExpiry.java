package dev.silkway.storefront.order;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels unpaid orders whose reservation has ended and releases their stock, a batch per
 * transaction. Orders another instance is cancelling are skipped (SKIP LOCKED), so running it on
 * several instances at once is harmless; the Quartz trigger is clustered so that normally one does.
 */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final Clock clock;

    ReservationExpiry(
            Orders orders,
            OrderLifecycle lifecycle,
            TransactionTemplate transactions,
            OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Cancels every order past its reservation; the number cancelled. */
    int cancelExpired() {
        int cancelled = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<UUID> expired = orders.expiredReservations(clock.instant(), properties.expiryBatch());
                for (UUID id : expired) {
                    lifecycle.move(id, OrderStatus.CANCELLED, OrderSource.SYSTEM, null, "reservation expired unpaid");
                }
                return expired.size();
            });
            cancelled += batch;
            if (batch < properties.expiryBatch()) {
                break;
            }
        }
        if (cancelled > 0) {
            log.info("Cancelled {} unpaid orders past their reservation", cancelled);
        }
        return cancelled;
    }
}
