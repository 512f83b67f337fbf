package dev.silkway.storefront.cart;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes guest carts untouched for {@code silkway.cart.guest-cart-ttl}; harmless on every instance at once. */
@Component
class GuestCartCleanup {

    private static final Logger log = LoggerFactory.getLogger(GuestCartCleanup.class);

    private final Carts carts;
    private final CartProperties properties;
    private final Clock clock;

    GuestCartCleanup(Carts carts, CartProperties properties, Clock clock) {
        this.carts = carts;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void deleteAbandonedGuestCarts() {
        int deleted = carts.deleteGuestCartsUntouchedSince(clock.instant().minus(properties.guestCartTtl()));
        if (deleted > 0) {
            log.info("Deleted {} abandoned guest carts", deleted);
        }
    }
}
