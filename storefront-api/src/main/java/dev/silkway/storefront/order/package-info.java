/**
 * Orders: placed from a quote with an idempotency key, holding stock by a conditional update (never
 * more held than counted), a snapshot of what was bought, the state machine with its history and
 * outbox events ({@link dev.silkway.storefront.order.OrderStatus}), the expiry of unpaid orders by a
 * clustered Quartz job, the shopper's and the staff's APIs.
 */
@NullMarked
package dev.silkway.storefront.order;

import org.jspecify.annotations.NullMarked;
