package dev.silkway.storefront.payment.nowpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import dev.silkway.storefront.payment.PaymentProviderUnavailable;
import dev.silkway.storefront.payment.PaymentRequest;
import dev.silkway.storefront.payment.PaymentRequests;
import dev.silkway.storefront.payment.ProviderPayment;
import dev.silkway.storefront.payment.RefundRequest;
import dev.silkway.storefront.payment.SandboxPayments;
import dev.silkway.storefront.payment.WebhookDelivery;
import dev.silkway.storefront.payment.WebhookEvent;
import dev.silkway.storefront.payment.WebhookReceiver;
import dev.silkway.storefront.payment.WebhookRejected;
import dev.silkway.storefront.payment.http.ProviderHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The NOWPayments gateway against the sandbox's NOWPayments simulator, over HTTP on NOWPayments' protocol. */
class NowPaymentsGatewayIT {

    private static final String KEY = "sandbox-nowpayments-key";
    private static WebhookReceiver receiver;

    @BeforeAll
    static void receiveIpns() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiving() {
        receiver.close();
    }

    @Test
    void createsAnInvoiceWhoseHostedPageIsTheConfirmationUrl() {
        ProviderPayment invoice = gateway().create(request(123_457));

        assertThat(invoice.providerPaymentId()).matches("\\d+");
        assertThat(invoice.status()).isEqualTo(ProviderPayment.Status.PENDING);
        assertThat(invoice.confirmationUrl())
                .isEqualTo(SandboxPayments.url() + "/nowpayments/payment/?iid=" + invoice.providerPaymentId());
        assertThat(SandboxPayments.page(invoice.confirmationUrl())).contains("1234.57 RUB", "Pay partially", "Overpay");
    }

    @Test
    void readsAnInvoiceAsWaitingUntilPaidThenSucceededWithWhatWasReceived() {
        ProviderPayment invoice = gateway().create(request(99_999));
        assertThat(gateway().fetch(invoice.providerPaymentId()).providerStatus())
                .isEqualTo("waiting");

        act(invoice, "pay");

        ProviderPayment paid = gateway().fetch(invoice.providerPaymentId());
        assertThat(paid.status()).isEqualTo(ProviderPayment.Status.SUCCEEDED);
        assertThat(paid.providerStatus()).isEqualTo("finished");
        assertThat(paid.amountMinor()).isEqualTo(99_999);
        assertThat(paid.paidMinor()).isEqualTo(99_999);
        assertThat(paid.details()).containsKeys("payment_id", "pay_currency", "pay_amount", "actually_paid");
    }

    @Test
    void readsAPartialPaymentWithTheMissingAmountAndAnOverpaymentWithTheSurplus() {
        ProviderPayment partial = gateway().create(request(100_001));
        ProviderPayment over = gateway().create(request(100_000));

        act(partial, "partial");
        act(over, "overpay");

        ProviderPayment half = gateway().fetch(partial.providerPaymentId());
        assertThat(half.status()).isEqualTo(ProviderPayment.Status.PARTIALLY_PAID);
        assertThat(half.paidMinor()).isBetween(49_990L, 50_001L);
        ProviderPayment more = gateway().fetch(over.providerPaymentId());
        assertThat(more.status()).isEqualTo(ProviderPayment.Status.SUCCEEDED);
        assertThat(more.paidMinor()).isBetween(109_990L, 110_010L);
    }

    @Test
    void readsFailedAndExpiredPayments() {
        ProviderPayment failed = gateway().create(request(5_000));
        ProviderPayment expired = gateway().create(request(5_001));

        act(failed, "fail");
        act(expired, "expire");

        assertThat(gateway().fetch(failed.providerPaymentId()).status()).isEqualTo(ProviderPayment.Status.FAILED);
        assertThat(gateway().fetch(expired.providerPaymentId()).status()).isEqualTo(ProviderPayment.Status.EXPIRED);
    }

    @Test
    void listsEveryPageOfThePaymentsCreatedInTheWindowOnePerInvoice() {
        Instant from = Instant.now().minusSeconds(1);
        List<String> ours = List.of(
                paid(1_001).providerPaymentId(),
                paid(1_002).providerPaymentId(),
                paid(1_003).providerPaymentId(),
                paid(1_004).providerPaymentId(),
                paid(1_005).providerPaymentId());

        List<ProviderPayment> listed =
                gateway(properties(KEY, Duration.ofSeconds(5), 2)).payments(from, Instant.now());

        assertThat(listed)
                .extracting(ProviderPayment::providerPaymentId)
                .containsAll(ours)
                .doesNotHaveDuplicates();
        assertThat(listed)
                .filteredOn(p -> ours.contains(p.providerPaymentId()))
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(ProviderPayment.Status.SUCCEEDED));
    }

    @Test
    void readsTheSandboxesSignedIpnsAndRejectsAForgedOne() {
        ProviderPayment invoice = gateway().create(request(77_700));
        act(invoice, "pay");

        WebhookDelivery delivery =
                receiver.awaitDelivery(WebhookReceiver.bodyContains("\"payment_status\":\"finished\"")
                        .and(WebhookReceiver.bodyContains("\"invoice_id\":" + invoice.providerPaymentId())));
        WebhookEvent event = gateway().read(delivery);

        assertThat(event.eventType()).isEqualTo("payment.finished");
        assertThat(event.payment()).isNotNull();
        assertThat(event.payment().providerPaymentId()).isEqualTo(invoice.providerPaymentId());
        assertThat(event.payment().status()).isEqualTo(ProviderPayment.Status.SUCCEEDED);
        assertThat(event.payment().paidMinor()).isEqualTo(77_700);
        assertThat(event.dedupKey())
                .endsWith(":finished:" + event.payment().details().get("actually_paid"));
        String forged = new String(delivery.body(), StandardCharsets.UTF_8)
                .replace("\"payment_status\":\"finished\"", "\"payment_status\":\"refunded\"");
        assertThatThrownBy(() -> gateway()
                        .read(new WebhookDelivery(
                                delivery.headers(),
                                forged.getBytes(StandardCharsets.UTF_8),
                                delivery.remoteAddress(),
                                delivery.receivedAt())))
                .isInstanceOf(WebhookRejected.class)
                .satisfies(e -> assertThat(((WebhookRejected) e).status()).isEqualTo(401));
        assertThatThrownBy(() -> gateway()
                        .read(new WebhookDelivery(
                                Map.of(), delivery.body(), delivery.remoteAddress(), delivery.receivedAt())))
                .isInstanceOf(WebhookRejected.class)
                .satisfies(e -> assertThat(((WebhookRejected) e).status()).isEqualTo(400));
    }

    @Test
    void refusesRefundsAsNotSupportedByNowPayments() {
        assertThatThrownBy(() -> gateway()
                        .refund(new RefundRequest("123", UUID.randomUUID(), "refund-1", 100, "RUB", "cancelled")))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("refund_not_supported"));
    }

    @Test
    void refusalsCarryNowPaymentsErrorCode() {
        assertThatThrownBy(() -> gateway(properties("wrong-key", Duration.ofSeconds(5), 100))
                        .create(request(1_000)))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("INVALID_API_KEY"));
        assertThatThrownBy(() -> gateway()
                        .create(new PaymentRequest(
                                UUID.randomUUID(),
                                "SW-1",
                                UUID.randomUUID(),
                                1,
                                "k",
                                1_000,
                                "CNY",
                                PaymentRequest.PaymentKind.CRYPTO,
                                "d",
                                "http://127.0.0.1:8080/",
                                Instant.now(),
                                null)))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("INVALID_REQUEST_PARAMS"));
    }

    @Test
    void retriesRateLimitedAndFailingAnswersWithinItsBound() {
        SandboxPayments.script("nowpayments", "RATE_LIMITED", "SERVER_ERROR");
        assertThat(gateway().create(request(3_000)).status()).isEqualTo(ProviderPayment.Status.PENDING);

        SandboxPayments.script("nowpayments", "SERVER_ERROR", "SERVER_ERROR", "RATE_LIMITED", "PASS");
        assertThatThrownBy(() -> gateway().create(request(3_001)))
                .isInstanceOf(PaymentProviderUnavailable.class)
                .hasMessageContaining("HTTP 429");
        SandboxPayments.script("nowpayments");
    }

    @Test
    void cutsASlowAnswerAtItsDeadlineAndGivesUpAfterTheBoundedAttempts() {
        SandboxPayments.script("nowpayments", "PASS:PT3S", "PASS:PT3S", "PASS:PT3S");
        long started = System.nanoTime();

        assertThatThrownBy(() ->
                        gateway(properties(KEY, Duration.ofMillis(500), 100)).create(request(4_000)))
                .isInstanceOf(PaymentProviderUnavailable.class)
                .hasCauseInstanceOf(OutboundFailed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        SandboxPayments.script("nowpayments");
    }

    private static void act(ProviderPayment invoice, String action) {
        SandboxPayments.post("/nowpayments/sandbox/invoices/" + invoice.providerPaymentId() + "/" + action);
    }

    private static ProviderPayment paid(long amount) {
        ProviderPayment invoice = gateway().create(request(amount));
        act(invoice, "pay");
        return invoice;
    }

    private static NowPaymentsGateway gateway() {
        return gateway(properties(KEY, Duration.ofSeconds(5), 100));
    }

    private static NowPaymentsGateway gateway(NowPaymentsProperties properties) {
        return new NowPaymentsGateway(
                properties,
                ProviderHttp.create(PaymentProvider.NOWPAYMENTS, properties.bounds()),
                JsonMapper.builder().build());
    }

    private static NowPaymentsProperties properties(String key, Duration deadline, int pageSize) {
        return new NowPaymentsProperties(
                URI.create(SandboxPayments.url() + "/nowpayments"),
                key,
                "sandbox@silkway.local",
                "sandbox-nowpayments-password",
                "sandbox-nowpayments-ipn-secret",
                URI.create(receiver.url()),
                Duration.ofMinutes(4),
                PaymentRequests.bounds(deadline, pageSize));
    }

    private static PaymentRequest request(long amount) {
        return PaymentRequests.of(amount, PaymentRequest.PaymentKind.CRYPTO);
    }
}
