package dev.silkway.storefront.order;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the fulfilment feature adds to an order's detail view (its purchase state per line, QC photos, pending
 * substitutions): implemented there, so that orders do not depend on fulfilment.
 */
public interface OrderFulfilment {

    /** The {@code fulfilment} block of the order's view; null when the order has none yet. */
    @Nullable
    Object of(UUID orderId);
}
