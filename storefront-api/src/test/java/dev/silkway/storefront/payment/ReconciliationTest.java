package dev.silkway.storefront.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final Instant AT = Instant.parse("2026-12-07T03:30:00Z");

    private static ProviderPayment theirs(
            String id, ProviderPayment.Status status, long amount, Map<String, String> details) {
        return new ProviderPayment(
                PaymentProvider.YOOKASSA,
                id,
                status,
                status.name().toLowerCase(),
                amount,
                "RUB",
                amount,
                null,
                null,
                null,
                details);
    }

    private static Payments.Payment ours(String id, String status, long amount, long refunded) {
        return new Payments.Payment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                PaymentProvider.YOOKASSA,
                "CARD",
                status,
                null,
                id,
                UUID.randomUUID(),
                amount,
                "RUB",
                amount,
                refunded,
                null,
                null,
                null,
                AT);
    }

    private static List<String> kinds(List<ProviderPayment> theirs, List<Payments.Payment> ours) {
        return Reconciliation.compare(PaymentProvider.YOOKASSA, theirs, ours, AT).stream()
                .map(m -> m.providerPaymentId() + ":" + m.kind())
                .toList();
    }

    @Test
    void findsNothingWhenBothSidesAgree() {
        assertThat(kinds(
                        List.of(theirs("p1", ProviderPayment.Status.SUCCEEDED, 1000, Map.of("refunded", "2.50"))),
                        List.of(ours("p1", "SUCCEEDED", 1000, 250))))
                .isEmpty();
    }

    @Test
    void namesEachKindOfDifference() {
        assertThat(kinds(
                        List.of(
                                theirs("only-theirs", ProviderPayment.Status.SUCCEEDED, 1000, Map.of()),
                                theirs("status", ProviderPayment.Status.CANCELLED, 1000, Map.of()),
                                theirs("amount", ProviderPayment.Status.SUCCEEDED, 999, Map.of()),
                                theirs("refund", ProviderPayment.Status.SUCCEEDED, 1000, Map.of("refunded", "10.00"))),
                        List.of(
                                ours("only-ours", "PENDING", 1000, 0),
                                ours("status", "SUCCEEDED", 1000, 0),
                                ours("amount", "SUCCEEDED", 1000, 0),
                                ours("refund", "SUCCEEDED", 1000, 0))))
                .containsExactlyInAnyOrder(
                        "only-theirs:MISSING_HERE",
                        "status:STATUS_DIFFERS",
                        "amount:AMOUNT_DIFFERS",
                        "refund:REFUND_DIFFERS",
                        "only-ours:MISSING_AT_PROVIDER");
    }

    @Test
    void aDuplicateWeRefundIsASucceededPaymentAtTheProvider() {
        assertThat(kinds(
                        List.of(theirs("dup", ProviderPayment.Status.SUCCEEDED, 1000, Map.of("refunded", "10.00"))),
                        List.of(ours("dup", "DUPLICATE", 1000, 1000))))
                .isEmpty();
    }
}
