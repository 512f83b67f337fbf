package dev.silkway.storefront.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares each provider's payments of the last {@code reconciliation-window} ({@link
 * PaymentGateway#payments}) with ours: a payment only one side has, a status or an amount that differs,
 * a refunded sum that differs. Each provider's findings replace its previous ones ({@code
 * payment_mismatches}), in one transaction; a provider that cannot be reached keeps its old findings.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    record Mismatch(
            String provider,
            String kind,
            @Nullable String providerPaymentId,
            @Nullable UUID paymentId,
            @Nullable String ours,
            @Nullable String theirs,
            Instant foundAt) {}

    record Run(Instant from, Instant to, Map<String, Integer> mismatches, List<String> unreachable) {}

    private final Gateways gateways;
    private final Payments payments;
    private final PaymentsProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reconciliation(
            Gateways gateways,
            Payments payments,
            PaymentsProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.gateways = gateways;
        this.payments = payments;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    Run run() {
        Instant to = clock.instant();
        Instant from = to.minus(properties.reconciliationWindow());
        Map<String, Integer> counts = new HashMap<>();
        List<String> unreachable = new java.util.ArrayList<>();
        for (PaymentGateway gateway : gateways.all()) {
            List<ProviderPayment> theirs;
            try {
                theirs = gateway.payments(from, to);
            } catch (PaymentProviderUnavailable | PaymentProviderRefused e) {
                log.warn("Reconciliation of {} skipped: {}", gateway.provider(), e.getMessage());
                unreachable.add(gateway.provider().name());
                continue;
            }
            List<Mismatch> found =
                    compare(gateway.provider(), theirs, payments.created(gateway.provider(), from, to), to);
            transactions.executeWithoutResult(status -> replace(gateway.provider(), found, from, to));
            counts.put(gateway.provider().name(), found.size());
        }
        return new Run(from, to, counts, unreachable);
    }

    static List<Mismatch> compare(
            PaymentProvider provider, List<ProviderPayment> theirs, List<Payments.Payment> ours, Instant at) {
        Map<String, Payments.Payment> byId = new HashMap<>();
        ours.stream().filter(p -> p.providerPaymentId() != null).forEach(p -> byId.put(p.providerPaymentId(), p));
        List<Mismatch> found = new java.util.ArrayList<>();
        for (ProviderPayment their : theirs) {
            Payments.Payment our = byId.remove(their.providerPaymentId());
            String id = their.providerPaymentId();
            String theirStatus = their.status().name();
            if (our == null) {
                found.add(new Mismatch(provider.name(), "MISSING_HERE", id, null, null, theirStatus, at));
                continue;
            }
            String ourStatus = our.status().equals("DUPLICATE") ? "SUCCEEDED" : our.status();
            if (!ourStatus.equals(theirStatus)) {
                found.add(new Mismatch(provider.name(), "STATUS_DIFFERS", id, our.id(), our.status(), theirStatus, at));
            }
            if (our.amount() != their.amountMinor() || !our.currency().equals(their.currency())) {
                found.add(new Mismatch(
                        provider.name(),
                        "AMOUNT_DIFFERS",
                        id,
                        our.id(),
                        our.amount() + " " + our.currency(),
                        their.amountMinor() + " " + their.currency(),
                        at));
            }
            // details "refunded": the refunded sum as a decimal in the payment's currency, when the provider says
            String refunded = their.details().get("refunded");
            long theirRefunded = refunded == null
                    ? 0
                    : new BigDecimal(refunded).movePointRight(2).longValueExact();
            if (refunded != null && theirRefunded != our.refunded()) {
                found.add(new Mismatch(
                        provider.name(),
                        "REFUND_DIFFERS",
                        id,
                        our.id(),
                        Long.toString(our.refunded()),
                        Long.toString(theirRefunded),
                        at));
            }
        }
        byId.values()
                .forEach(our -> found.add(new Mismatch(
                        provider.name(),
                        "MISSING_AT_PROVIDER",
                        our.providerPaymentId(),
                        our.id(),
                        our.status(),
                        null,
                        at)));
        return found;
    }

    private void replace(PaymentProvider provider, List<Mismatch> found, Instant from, Instant to) {
        jdbc.sql("DELETE FROM payment_mismatches WHERE provider = ?")
                .param(provider.name())
                .update();
        for (Mismatch m : found) {
            jdbc.sql("""
                            INSERT INTO payment_mismatches (provider, kind, provider_payment_id, payment_id, ours, theirs,
                                period_from, period_to, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .param(m.provider())
                    .param(m.kind())
                    .param(m.providerPaymentId())
                    .param(m.paymentId())
                    .param(m.ours())
                    .param(m.theirs())
                    .param(Payments.utc(from))
                    .param(Payments.utc(to))
                    .param(Payments.utc(m.foundAt()))
                    .update();
        }
    }

    List<Mismatch> mismatches(int limit) {
        return jdbc.sql("""
                        SELECT provider, kind, provider_payment_id, payment_id, ours, theirs, found_at
                        FROM payment_mismatches ORDER BY found_at DESC, id LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Mismatch(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
