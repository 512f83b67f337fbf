/**
 * The one webhook sender of every payment simulator (Stripe, NOWPayments, YooKassa): a delivery is signed by its
 * simulator's scheme at each attempt, POSTed to the configured URL, retried with back-off until a 2xx, and, at
 * configurable rates, duplicated, delayed or held back so that a later event overtakes it.
 */
@NullMarked
package dev.silkway.sandbox.webhooks;

import org.jspecify.annotations.NullMarked;
