package dev.silkway.sandbox.stripe;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated Stripe account: its Checkout Sessions, PaymentIntents and refunds in memory, and what happens to
 * them (paid, declined, expired, refunded), each change announced by its events. Amounts are integer minor units
 * of at most 99,999,999 (Stripe's limit of eight digits).
 */
@Component
class StripeAccount {

    static final long MAX_AMOUNT = 99_999_999L;
    private static final Set<String> FIFTY_CENTS_MINIMUM = Set.of("usd", "eur", "gbp", "chf", "cad", "aud");

    /** What a new Checkout Session is made of (already validated by the API). */
    record NewSession(
            String productName,
            long amount,
            String currency,
            String successUrl,
            @Nullable String cancelUrl,
            @Nullable String clientReferenceId,
            Map<String, String> metadata,
            Map<String, String> intentMetadata,
            @Nullable String description,
            @Nullable Long expiresAt) {}

    private final Clock clock;
    private final StripeEvents events;
    private final Duration refundSettlesAfter;
    private final Map<String, StripeSession> sessions = new HashMap<>();
    private final Map<String, StripeIntent> intents = new LinkedHashMap<>();
    private final Map<String, StripeRefund> refunds = new HashMap<>();
    private final ScheduledExecutorService settler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stripe-refunds").daemon().factory());

    StripeAccount(StripeSandboxProperties properties, StripeEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.refundSettlesAfter = properties.refundSettlesAfter();
    }

    synchronized StripeSession create(NewSession request, String pageBase) {
        long now = now();
        if (request.amount() > MAX_AMOUNT) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "amount_too_large",
                    "Amount must be no more than 99,999,999",
                    "line_items[0][price_data][unit_amount]"));
        }
        if (FIFTY_CENTS_MINIMUM.contains(request.currency()) && request.amount() < 50) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "amount_too_small",
                    "The Checkout Session's total amount due must add up to at least 0.50 " + request.currency(),
                    "line_items[0][price_data][unit_amount]"));
        }
        long expiresAt = request.expiresAt() == null ? now + 86_400 : request.expiresAt();
        if (expiresAt < now + 1_800 || expiresAt > now + 86_400) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    null,
                    "The `expires_at` timestamp must be between 30 minutes and 24 hours from now.",
                    "expires_at"));
        }
        String sessionId = StripeIds.next("cs_test_");
        StripeIntent intent = new StripeIntent(
                StripeIds.next("pi_"),
                request.amount(),
                request.currency(),
                now,
                request.description(),
                request.intentMetadata(),
                sessionId);
        StripeSession session = new StripeSession(
                sessionId,
                intent.id,
                pageBase + "/stripe/checkout/pay/" + sessionId,
                request.productName(),
                request.amount(),
                request.currency(),
                request.successUrl(),
                request.cancelUrl(),
                request.clientReferenceId(),
                request.metadata(),
                now,
                expiresAt);
        intents.put(intent.id, intent);
        sessions.put(sessionId, session);
        return session;
    }

    synchronized StripeSession session(String id) {
        StripeSession session = sessions.get(id);
        if (session == null) {
            throw StripeRefused.with(StripeErrors.noSuch("checkout.session", id, "session"));
        }
        return session;
    }

    synchronized StripeIntent intent(String id) {
        StripeIntent intent = intents.get(id);
        if (intent == null) {
            throw StripeRefused.with(StripeErrors.noSuch("payment_intent", id, "intent"));
        }
        return intent;
    }

    synchronized StripeRefund refund(String id) {
        StripeRefund refund = refunds.get(id);
        if (refund == null) {
            throw StripeRefused.with(StripeErrors.noSuch("refund", id, "refund"));
        }
        return refund;
    }

    /** The shopper paid on the hosted page: the intent succeeds and the session completes. */
    synchronized StripeSession pay(String sessionId) {
        StripeSession session = open(sessionId);
        StripeIntent intent = intents.get(session.intentId);
        intent.status = "succeeded";
        intent.amountReceived = intent.amount;
        intent.latestCharge = StripeIds.next("ch_");
        session.status = "complete";
        session.paymentStatus = "paid";
        events.emit("payment_intent.succeeded", intent.json());
        events.emit("checkout.session.completed", session.json());
        return session;
    }

    /** The shopper's card was declined: the session stays open for another card. */
    synchronized StripeSession decline(String sessionId) {
        StripeSession session = open(sessionId);
        StripeIntent intent = intents.get(session.intentId);
        intent.declined = true;
        events.emit("payment_intent.payment_failed", intent.json());
        return session;
    }

    /** {@code POST /v1/checkout/sessions/{id}/expire}, or the session's time is up. */
    synchronized StripeSession expire(String sessionId) {
        StripeSession session = open(sessionId);
        StripeIntent intent = intents.get(session.intentId);
        session.status = "expired";
        intent.status = "canceled";
        intent.cancellationReason = "abandoned";
        events.emit("checkout.session.expired", session.json());
        events.emit("payment_intent.canceled", intent.json());
        return session;
    }

    synchronized StripeRefund refund(
            String intentId, @Nullable Long amount, @Nullable String reason, Map<String, String> metadata) {
        StripeIntent intent = intents.get(intentId);
        if (intent == null) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "resource_missing", "No such payment_intent: '" + intentId + "'", "payment_intent"));
        }
        if (!intent.status.equals("succeeded")) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "charge_not_refundable",
                    "This PaymentIntent does not have a successful charge to refund.",
                    "payment_intent"));
        }
        long left = intent.amountReceived - intent.refunded;
        long value = amount == null ? left : amount;
        if (value < 1) {
            throw StripeRefused.with(
                    StripeErrors.invalidRequest("parameter_invalid_integer", "Invalid positive integer", "amount"));
        }
        if (value > left) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "amount_too_large",
                    "Refund amount (" + value + ") is greater than unrefunded amount on charge (" + left + ")",
                    "amount"));
        }
        intent.refunded += value;
        StripeRefund refund = new StripeRefund(
                StripeIds.next("re_"), intentId, intent.latestCharge, value, intent.currency, reason, metadata, now());
        refunds.put(refund.id, refund);
        events.emit("refund.created", refund.json());
        settler.schedule(() -> settle(refund.id), refundSettlesAfter.toMillis(), TimeUnit.MILLISECONDS);
        return refund;
    }

    /** Intents created in the window, newest first (the order they were created in, reversed), as Stripe lists them. */
    synchronized List<StripeIntent> intents(Predicate<Long> created) {
        List<StripeIntent> matching = new ArrayList<>();
        for (StripeIntent intent : intents.values()) {
            if (created.test(intent.created)) {
                matching.add(intent);
            }
        }
        Collections.reverse(matching);
        return matching;
    }

    @Scheduled(fixedDelay = 5_000)
    synchronized void expireOverdue() {
        long now = now();
        sessions.values().stream()
                .filter(s -> s.status.equals("open") && s.expiresAt <= now)
                .map(s -> s.id)
                .toList()
                .forEach(this::expire);
    }

    private synchronized void settle(String refundId) {
        StripeRefund refund = refunds.get(refundId);
        if (refund != null && refund.status.equals("pending")) {
            refund.status = "succeeded";
            events.emit("refund.updated", refund.json());
        }
    }

    private StripeSession open(String sessionId) {
        StripeSession session = session(sessionId);
        if (!session.status.equals("open")) {
            throw StripeRefused.with(StripeErrors.invalidRequest(
                    "checkout_session_not_open",
                    "This Checkout Session is no longer active (" + session.status + ").",
                    null));
        }
        return session;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
