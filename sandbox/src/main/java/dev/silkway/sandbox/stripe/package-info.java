/**
 * The Stripe API simulator under {@code /stripe}: Checkout Sessions (mode=payment) and their PaymentIntents, a
 * hosted page with Pay / Decline, refunds, listing, webhook endpoints and events signed with {@code Stripe-Signature},
 * form-encoded requests, {@code Authorization: Bearer sk_...}, replayed {@code Idempotency-Key}s and Stripe's error
 * shape.
 */
@NullMarked
package dev.silkway.sandbox.stripe;

import org.jspecify.annotations.NullMarked;
