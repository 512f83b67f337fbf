/**
 * Fulfilment: paid orders bought line by line through the purchasing/warehouse partner (its signed JSON API,
 * {@link dev.silkway.storefront.fulfilment.PartnerClient}), the partner's signed callbacks moving the order PURCHASED →
 * AT_WAREHOUSE → SHIPPED, the shipment and its legs created at hand-over, substitutes offered (or the line refunded)
 * when a line cannot be bought, and parcels weighing other than quoted listed for operators. The work is one
 * clustered Quartz job ({@link dev.silkway.storefront.fulfilment.FulfilmentJob}); every step is idempotent.
 */
@NullMarked
package dev.silkway.storefront.fulfilment;

import org.jspecify.annotations.NullMarked;
