package dev.silkway.sandbox.nowpayments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The simulated merchant account: invoices, and the one payment each gets when the shopper sends coins from the
 * invoice page. What the shopper does moves the payment through NOWPayments' statuses, each change notified by IPN:
 * paid (waiting, confirming, finished), partially paid (half the coins: partially_paid; paying again tops it up to
 * finished), overpaid (110%: finished), failed, expired.
 */
@Component
class NowPaymentsAccount {

    enum Outcome {
        PAY,
        PARTIAL,
        OVERPAY,
        FAIL,
        EXPIRE
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NowPaymentsSandboxProperties properties;
    private final NowPaymentsIpn ipn;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(4_500_000_000L + RANDOM.nextInt(100_000_000));
    private final Map<String, NowInvoice> invoices = new HashMap<>();
    private final Map<Long, NowPayment> payments = new LinkedHashMap<>();
    private final Map<String, NowPayment> byInvoice = new HashMap<>();

    NowPaymentsAccount(NowPaymentsSandboxProperties properties, NowPaymentsIpn ipn, Clock clock) {
        this.properties = properties;
        this.ipn = ipn;
        this.clock = clock;
    }

    boolean prices(String currency) {
        return properties.pricePerCoin().containsKey(currency);
    }

    synchronized NowInvoice create(
            BigDecimal priceAmount,
            String priceCurrency,
            @Nullable String orderId,
            @Nullable String orderDescription,
            @Nullable String ipnCallbackUrl,
            @Nullable String successUrl,
            @Nullable String cancelUrl,
            String pageBase) {
        String id = String.valueOf(ids.incrementAndGet());
        NowInvoice invoice = new NowInvoice(
                id,
                priceAmount,
                priceCurrency,
                orderId,
                orderDescription,
                ipnCallbackUrl,
                successUrl,
                cancelUrl,
                pageBase + "/nowpayments/payment/?iid=" + id,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        invoices.put(id, invoice);
        return invoice;
    }

    synchronized @Nullable NowInvoice invoice(String id) {
        return invoices.get(id);
    }

    synchronized @Nullable NowPayment payment(long id) {
        return payments.get(id);
    }

    synchronized List<NowPayment> payments() {
        return new ArrayList<>(payments.values());
    }

    /** What the shopper did on the invoice page; null when there is no such invoice or it is over. */
    synchronized @Nullable NowPayment act(String invoiceId, Outcome outcome) {
        NowInvoice invoice = invoices.get(invoiceId);
        if (invoice == null) {
            return null;
        }
        NowPayment payment = byInvoice.computeIfAbsent(invoiceId, i -> start(invoice));
        if (!payment.status.equals("waiting") && !payment.status.equals("partially_paid")) {
            return null;
        }
        switch (outcome) {
            case PAY -> paid(payment, payment.payAmount);
            case OVERPAY -> paid(payment, payment.payAmount.multiply(new BigDecimal("1.1")));
            case PARTIAL ->
                move(payment, "partially_paid", payment.payAmount.divide(BigDecimal.TWO, 8, RoundingMode.DOWN));
            case FAIL -> move(payment, "failed", payment.actuallyPaid);
            case EXPIRE -> move(payment, "expired", payment.actuallyPaid);
        }
        return payment;
    }

    private NowPayment start(NowInvoice invoice) {
        BigDecimal perCoin = properties.pricePerCoin().get(invoice.priceCurrency());
        BigDecimal coins =
                invoice.priceAmount().divide(perCoin, 6, RoundingMode.UP).stripTrailingZeros();
        NowPayment payment = new NowPayment(
                ids.incrementAndGet(),
                invoice,
                address(),
                properties.payCurrency(),
                coins,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        payments.put(payment.id, payment);
        ipn.notify(payment);
        return payment;
    }

    private void paid(NowPayment payment, BigDecimal total) {
        move(payment, "confirming", total.stripTrailingZeros());
        move(payment, "finished", total.stripTrailingZeros());
    }

    private void move(NowPayment payment, String status, BigDecimal actuallyPaid) {
        payment.status = status;
        payment.actuallyPaid = actuallyPaid.stripTrailingZeros();
        payment.updatedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ipn.notify(payment);
    }

    private static String address() {
        StringBuilder address = new StringBuilder("T");
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        for (int i = 0; i < 33; i++) {
            address.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return address.toString();
    }
}
