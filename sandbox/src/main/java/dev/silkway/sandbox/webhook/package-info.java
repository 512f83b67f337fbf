/**
 * Webhooks the simulated providers send (payments today, carriers later): one sender that retries a
 * delivery the receiver did not take, and misbehaves as real providers do, at configurable rates:
 * duplicates, delays, and out-of-order deliveries.
 */
@NullMarked
package dev.silkway.sandbox.webhook;

import org.jspecify.annotations.NullMarked;
