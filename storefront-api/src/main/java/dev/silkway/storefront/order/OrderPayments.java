package dev.silkway.storefront.order;

import dev.silkway.storefront.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The port through which orders reach their payments (the payment feature implements it, so that the
 * dependency runs from payment to order only): open the order's payment, read its attempts and refunds.
 */
public interface OrderPayments {

    /**
     * The order's live payment attempt, or a new one when none is live (the last failed, was declined or
     * expired): never two live attempts, never a second charge. Called outside any transaction; the
     * provider is called outside the database transactions too. Throws the payment feature's problems:
     * 409 when the order cannot be paid now, 503 when the provider cannot be reached (the attempt stays
     * and the next call sends it again with the same idempotency key).
     */
    PaymentLink open(UUID orderId);

    /**
     * The first payment attempt of an order being placed, written in the order's own transaction: nobody can
     * see the order before it commits, so there is no row to lock and no earlier attempt to look for. After the
     * commit, {@link #send} takes it to its provider (as {@link #open} would have).
     */
    FirstAttempt firstAttempt(NewOrder order);

    /**
     * Creates the first attempt at its provider, outside any transaction, and stores the answer: the page and
     * the order's payments as they stand. Throws as {@link #open} does; the attempt stays, and {@code /pay}
     * sends it again with the same idempotency key.
     */
    FirstPayment send(FirstAttempt attempt);

    /** The live attempt's page, if there is one. */
    Optional<PaymentLink> current(UUID orderId);

    List<PaymentEntry> payments(UUID orderId);

    List<RefundEntry> refunds(UUID orderId);

    /** An order being placed, as its first payment needs it. */
    record NewOrder(
            UUID id,
            long number,
            long total,
            String currency,
            String paymentMethod,
            String country,
            Instant reservedUntil) {}

    /** A first attempt written with its order, not yet sent to its provider (the payment feature's own type). */
    interface FirstAttempt {}

    /** The first attempt once its provider created it: where the shopper pays, and the order's payments. */
    record FirstPayment(PaymentLink link, List<PaymentEntry> payments) {}

    /** Where the shopper pays: the provider's page and until when. */
    record PaymentLink(
            String provider,
            @Nullable String confirmationUrl,
            @Nullable Instant expiresAt) {}

    /** One payment attempt as the order shows it; missing is what a partial (crypto) payment still lacks. */
    record PaymentEntry(
            UUID id,
            int attempt,
            String provider,
            String method,
            String status,
            Money amount,
            Money paid,
            @Nullable Money missing,
            @Nullable String failureReason,
            Instant createdAt) {}

    /** One refund as the order shows it: of a line's units, or of an amount. */
    record RefundEntry(
            UUID id,
            String status,
            Money amount,
            @Nullable Long lineId,
            @Nullable Integer quantity,
            @Nullable String reason,
            Instant createdAt) {}
}
