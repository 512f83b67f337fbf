/**
 * The YooKassa API v3 simulator under {@code /yookassa/v3}: HTTP Basic shopId:secretKey, an
 * Idempotence-Key required on every POST and replayed, payments (pending, waiting_for_capture, succeeded,
 * canceled) with a confirmation page (Pay / Decline), capture, cancel, refunds, cursor-paged lists, its
 * error shape, and unsigned notifications sent through the shared {@link
 * dev.silkway.sandbox.webhook.WebhookSender}.
 */
@NullMarked
package dev.silkway.sandbox.yookassa;

import org.jspecify.annotations.NullMarked;
