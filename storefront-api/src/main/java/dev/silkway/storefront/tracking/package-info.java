/**
 * Orders follow their shipments: the tracking poller's {@code ShipmentStatusChanged} events move an
 * order SHIPPED → IN_CUSTOMS → ARRIVED → OUT_FOR_DELIVERY → DELIVERED (never backwards, steps skipped
 * where the journey skipped them), with the consumed offsets committed in the same transaction; and
 * the shipments, legs, events and ETA a shopper sees on the order.
 */
@NullMarked
package dev.silkway.storefront.tracking;

import org.jspecify.annotations.NullMarked;
