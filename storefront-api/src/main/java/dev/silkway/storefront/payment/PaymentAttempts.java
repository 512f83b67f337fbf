package dev.silkway.storefront.payment;

import dev.silkway.storefront.money.Money;
import dev.silkway.storefront.order.OrderPayments;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment attempts of orders. Opening a payment is three steps, none holding a transaction across the
 * provider's call: (1) with the order's row locked, the live attempt is found or a new one written
 * (CREATED, its idempotency key derived from the order and the attempt number, for what the order still
 * lacks); (2) the provider is asked to create it with that key; (3) its answer is stored. Two concurrent
 * calls find the same attempt and send the same key, so the provider creates one payment. A provider that
 * cannot be reached leaves the attempt CREATED: the next call sends it again, with the same key. A new order's
 * first attempt skips step (1): it is written in the order's own transaction ({@link #firstAttempt}), where no
 * one else can see the order yet, and {@link #send} does (2) and (3) once the order has committed.
 */
@Service
class PaymentAttempts implements OrderPayments {

    private final Payments payments;
    private final PaymentRefunds refunds;
    private final Gateways gateways;
    private final PaymentsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentAttempts(
            Payments payments,
            PaymentRefunds refunds,
            Gateways gateways,
            PaymentsProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.gateways = gateways;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Opened(Payments.PayableOrder order, Payments.Payment attempt) implements FirstAttempt {}

    @Override
    public PaymentLink open(UUID orderId) {
        Opened opened = transactions.execute(status -> attempt(orderId));
        if (opened.attempt().confirmationUrl() != null) {
            return link(opened.attempt());
        }
        return link(create(opened));
    }

    @Override
    public FirstAttempt firstAttempt(NewOrder placed) {
        var order = new Payments.PayableOrder(
                placed.id(),
                placed.number(),
                "AWAITING_PAYMENT",
                placed.total(),
                placed.currency(),
                placed.paymentMethod(),
                placed.country(),
                placed.reservedUntil());
        PaymentProvider provider = providerFor(order);
        return new Opened(order, payments.insert(order, 1, provider, order.total(), order.reservedUntil()));
    }

    @Override
    public FirstPayment send(FirstAttempt attempt) {
        if (!(attempt instanceof Opened opened)) {
            throw new IllegalArgumentException("not a first attempt of this feature: " + attempt);
        }
        Payments.Payment stored = create(opened);
        return new FirstPayment(link(stored), List.of(entry(stored)));
    }

    /** The provider asked to create the attempt (with its idempotency key), and its answer stored. */
    private Payments.Payment create(Opened opened) {
        Payments.Payment attempt = opened.attempt();
        Payments.PayableOrder order = opened.order();
        PaymentGateway gateway = gateways.of(attempt.provider());
        ProviderPayment created = gateway.create(new PaymentRequest(
                order.id(),
                Long.toString(order.number()),
                attempt.id(),
                attempt.attempt(),
                attempt.idempotenceKey().toString(),
                attempt.amount(),
                attempt.currency(),
                PaymentRequest.PaymentKind.valueOf(attempt.method()),
                "Silkway order " + order.number(),
                properties.returnUrl().replace("{orderId}", order.id().toString()),
                attempt.expiresAt() == null ? clock.instant().plusSeconds(900) : attempt.expiresAt(),
                null));
        Instant expires = earliest(attempt.expiresAt(), created.expiresAt());
        return payments.created(attempt.id(), created, expires); // one statement: no transaction around it
    }

    private Opened attempt(UUID orderId) {
        Payments.PayableOrder order =
                payments.lockOrder(orderId).orElseThrow(() -> dev.silkway.storefront.web.NotFound.of("order"));
        if (!order.status().equals("AWAITING_PAYMENT") && !order.status().equals("PARTIALLY_PAID")) {
            throw PaymentProblems.NotPayable.inStatus(order.status());
        }
        Instant now = clock.instant();
        if (order.status().equals("AWAITING_PAYMENT")
                && order.reservedUntil() != null
                && !order.reservedUntil().isAfter(now)) {
            throw PaymentProblems.NotPayable.reservationEnded();
        }
        Payments.Standing standing = payments.standing(orderId);
        Optional<Payments.Payment> latest = standing.latest();
        if (latest.isPresent() && latest.get().live(now)) {
            return new Opened(order, latest.get());
        }
        long missing = order.total() - standing.received();
        if (missing <= 0) {
            throw PaymentProblems.NotPayable.inStatus(order.status());
        }
        PaymentProvider provider = providerFor(order);
        int next = latest.map(p -> p.attempt() + 1).orElse(1);
        return new Opened(order, payments.insert(order, next, provider, missing, order.reservedUntil()));
    }

    /** The provider the routing picks for the order's payment method, currency and country. */
    private PaymentProvider providerFor(Payments.PayableOrder order) {
        return properties
                .routing()
                .provider(PaymentRequest.PaymentKind.valueOf(order.method()), order.currency(), order.country());
    }

    @Override
    public Optional<PaymentLink> current(UUID orderId) {
        return payments.latest(orderId)
                .filter(p -> p.live(clock.instant()) && p.confirmationUrl() != null)
                .map(PaymentAttempts::link);
    }

    @Override
    public List<PaymentEntry> payments(UUID orderId) {
        return payments.of(orderId).stream().map(PaymentAttempts::entry).toList();
    }

    private static PaymentEntry entry(Payments.Payment p) {
        return new PaymentEntry(
                p.id(),
                p.attempt(),
                p.provider().name(),
                p.method(),
                p.status(),
                Money.of(p.amount(), p.currency()),
                Money.of(p.paid(), p.currency()),
                p.status().equals("PARTIALLY_PAID") ? Money.of(p.amount() - p.paid(), p.currency()) : null,
                p.failureReason(),
                p.createdAt());
    }

    @Override
    public List<RefundEntry> refunds(UUID orderId) {
        return refunds.ofOrder(orderId).stream()
                .map(r -> new RefundEntry(
                        r.id(),
                        r.status(),
                        Money.of(r.amount(), r.currency()),
                        r.lineId(),
                        r.quantity(),
                        r.reason(),
                        r.createdAt()))
                .toList();
    }

    private static PaymentLink link(Payments.Payment attempt) {
        return new PaymentLink(attempt.provider().name(), attempt.confirmationUrl(), attempt.expiresAt());
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
