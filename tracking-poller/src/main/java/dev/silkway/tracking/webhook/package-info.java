/**
 * Carrier webhooks ({@code POST /api/v1/carriers/webhooks/{17track|cdek}}): unauthenticated but
 * verified by the carrier's receiver, body bounded, stored once in carrier_webhook_events and turned
 * into tracking events in the same transaction; a leg a carrier pushes for is polled much less.
 */
@NullMarked
package dev.silkway.tracking.webhook;

import org.jspecify.annotations.NullMarked;
