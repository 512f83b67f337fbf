package dev.silkway.storefront.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import dev.silkway.storefront.payment.PaymentProviderUnavailable;
import dev.silkway.storefront.payment.PaymentRequest;
import dev.silkway.storefront.payment.PaymentRequests;
import dev.silkway.storefront.payment.ProviderPayment;
import dev.silkway.storefront.payment.ProviderRefund;
import dev.silkway.storefront.payment.RefundRequest;
import dev.silkway.storefront.payment.SandboxPayments;
import dev.silkway.storefront.payment.WebhookDelivery;
import dev.silkway.storefront.payment.WebhookEvent;
import dev.silkway.storefront.payment.WebhookReceiver;
import dev.silkway.storefront.payment.http.ProviderHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Stripe gateway against the sandbox's Stripe simulator, over HTTP on Stripe's protocol. */
class StripeGatewayIT {

    private static final String KEY = "sk_test_sandbox_silkway";
    private static WebhookReceiver receiver;
    private static String endpointSecret;

    @BeforeAll
    static void registerAWebhookEndpoint() {
        receiver = new WebhookReceiver();
        JsonNode endpoint = SandboxPayments.postForm(
                "/stripe/v1/webhook_endpoints",
                "Authorization",
                "Bearer " + KEY,
                "url=" + receiver.url() + "&enabled_events[]=*");
        endpointSecret = endpoint.path("secret").asString();
    }

    @AfterAll
    static void stopReceiving() {
        receiver.close();
    }

    @Test
    void createsACheckoutSessionWhoseHostedPageIsTheConfirmationUrl() {
        ProviderPayment payment = gateway().create(request(123_457));

        assertThat(payment.providerPaymentId()).startsWith("pi_");
        assertThat(payment.status()).isEqualTo(ProviderPayment.Status.PENDING);
        assertThat(payment.amountMinor()).isEqualTo(123_457);
        assertThat(payment.currency()).isEqualTo("RUB");
        assertThat(payment.details()).containsKey("checkout_session");
        assertThat(payment.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(payment.confirmationUrl()).startsWith(SandboxPayments.url() + "/stripe/checkout/pay/cs_test_");
        assertThat(SandboxPayments.page(payment.confirmationUrl())).contains("Pay 1234.57 RUB", "Decline");
    }

    @Test
    void aCreateRetriedWithTheSameIdempotencyKeyIsTheSamePayment() {
        PaymentRequest request = request(50_000);

        ProviderPayment first = gateway().create(request);
        ProviderPayment again = gateway().create(request);

        assertThat(again.providerPaymentId()).isEqualTo(first.providerPaymentId());
        assertThat(again.confirmationUrl()).isEqualTo(first.confirmationUrl());
    }

    @Test
    void readsAPaidPaymentAsSucceededAndADeclinedOneAsFailed() {
        ProviderPayment paid = gateway().create(request(10_001));
        ProviderPayment declined = gateway().create(request(10_003));

        SandboxPayments.post("/stripe/sandbox/checkout/" + paid.details().get("checkout_session") + "/pay");
        SandboxPayments.post("/stripe/sandbox/checkout/" + declined.details().get("checkout_session") + "/decline");

        ProviderPayment fetched = gateway().fetch(paid.providerPaymentId());
        assertThat(fetched.status()).isEqualTo(ProviderPayment.Status.SUCCEEDED);
        assertThat(fetched.paidMinor()).isEqualTo(10_001);
        assertThat(fetched.providerStatus()).isEqualTo("succeeded");
        ProviderPayment failed = gateway().fetch(declined.providerPaymentId());
        assertThat(failed.status()).isEqualTo(ProviderPayment.Status.FAILED);
        assertThat(failed.details()).containsEntry("decline_code", "generic_decline");
    }

    @Test
    void refundsPartOfAPaymentOncePerKeyAndTracksItToSucceeded() {
        ProviderPayment payment = paid(30_000);
        RefundRequest refund = new RefundRequest(
                payment.providerPaymentId(), UUID.randomUUID(), "refund-" + UUID.randomUUID(), 12_345, "RUB", "line");

        ProviderRefund created = gateway().refund(refund);
        ProviderRefund replayed = gateway().refund(refund);

        assertThat(created.providerRefundId()).startsWith("re_");
        assertThat(created.amountMinor()).isEqualTo(12_345);
        assertThat(created.status()).isEqualTo(ProviderRefund.Status.PENDING);
        assertThat(replayed.providerRefundId()).isEqualTo(created.providerRefundId());
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> gateway().fetchRefund(created.providerRefundId()).status(),
                        s -> s == ProviderRefund.Status.SUCCEEDED);
        assertThatThrownBy(() -> gateway()
                        .refund(new RefundRequest(
                                payment.providerPaymentId(),
                                UUID.randomUUID(),
                                "refund-" + UUID.randomUUID(),
                                20_000,
                                "RUB",
                                "too much")))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("amount_too_large"));
    }

    @Test
    void listsEveryPageOfThePaymentsCreatedInTheWindow() {
        Instant from = Instant.now().minusSeconds(1);
        List<String> ours = List.of(
                gateway().create(request(1_001)).providerPaymentId(),
                gateway().create(request(1_002)).providerPaymentId(),
                gateway().create(request(1_003)).providerPaymentId(),
                gateway().create(request(1_004)).providerPaymentId(),
                gateway().create(request(1_005)).providerPaymentId());

        List<ProviderPayment> listed = gateway(properties(KEY, endpointSecret, Duration.ofSeconds(5), 2))
                .payments(from, Instant.now().plusSeconds(2));

        assertThat(listed)
                .extracting(ProviderPayment::providerPaymentId)
                .containsAll(ours)
                .doesNotHaveDuplicates();
        assertThat(gateway().payments(from.minusSeconds(3600), from.minusSeconds(1800)))
                .extracting(ProviderPayment::providerPaymentId)
                .doesNotContainAnyElementsOf(ours);
    }

    @Test
    void refusalsCarryStripesErrorCode() {
        assertThatThrownBy(() -> gateway().fetch("pi_unknown"))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("resource_missing"));
        assertThatThrownBy(() -> gateway(properties("sk_test_wrong", endpointSecret, Duration.ofSeconds(5), 100))
                        .fetch("pi_unknown"))
                .isInstanceOf(PaymentProviderRefused.class)
                .hasMessageContaining("Invalid API Key provided: sk_test_*")
                .hasMessageNotContaining("sk_test_wrong");
        PaymentRequest request = request(2_000);
        gateway().create(request);
        assertThatThrownBy(() -> gateway()
                        .create(new PaymentRequest(
                                request.orderId(),
                                request.orderNumber(),
                                request.paymentId(),
                                request.attempt(),
                                request.idempotencyKey(),
                                2_001,
                                "RUB",
                                PaymentRequest.PaymentKind.CARD,
                                "changed",
                                request.returnUrl(),
                                request.expiresAt(),
                                null)))
                .isInstanceOf(PaymentProviderRefused.class)
                .satisfies(e -> assertThat(((PaymentProviderRefused) e).code()).isEqualTo("idempotency_error"));
    }

    @Test
    void retriesRateLimitedAndFailingAnswersWithinItsBound() {
        SandboxPayments.script("stripe", "RATE_LIMITED", "SERVER_ERROR");
        assertThat(gateway().create(request(3_000)).status()).isEqualTo(ProviderPayment.Status.PENDING);

        SandboxPayments.script("stripe", "SERVER_ERROR", "RATE_LIMITED", "SERVER_ERROR", "PASS");
        assertThatThrownBy(() -> gateway().create(request(3_001)))
                .isInstanceOf(PaymentProviderUnavailable.class)
                .hasMessageContaining("HTTP 500");
        SandboxPayments.script("stripe");
    }

    @Test
    void cutsASlowAnswerAtItsDeadlineAndGivesUpAfterTheBoundedAttempts() {
        SandboxPayments.script("stripe", "PASS:PT3S", "PASS:PT3S", "PASS:PT3S");
        long started = System.nanoTime();

        assertThatThrownBy(() -> gateway(properties(KEY, endpointSecret, Duration.ofMillis(500), 100))
                        .create(request(4_000)))
                .isInstanceOf(PaymentProviderUnavailable.class)
                .hasCauseInstanceOf(OutboundFailed.class)
                .hasMessageContaining("did not arrive in full within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        SandboxPayments.script("stripe");
    }

    @Test
    void readsTheSandboxesSignedEventsAsStripeJavaDoes() throws Exception {
        ProviderPayment payment = gateway().create(request(7_777));
        SandboxPayments.post("/stripe/sandbox/checkout/" + payment.details().get("checkout_session") + "/pay");

        WebhookDelivery delivery =
                receiver.awaitDelivery(WebhookReceiver.bodyContains("\"type\":\"payment_intent.succeeded\"")
                        .and(WebhookReceiver.bodyContains(payment.providerPaymentId())));
        WebhookEvent event = gateway().read(delivery);

        assertThat(event.eventType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.dedupKey()).startsWith("evt_");
        assertThat(event.payment()).isNotNull();
        assertThat(event.payment().providerPaymentId()).isEqualTo(payment.providerPaymentId());
        assertThat(event.payment().status()).isEqualTo(ProviderPayment.Status.SUCCEEDED);
        assertThat(event.payment().paidMinor()).isEqualTo(7_777);
        String payload = new String(delivery.body(), StandardCharsets.UTF_8);
        String header = delivery.headers().get("stripe-signature").getFirst();
        Event verified = Webhook.constructEvent(payload, header, endpointSecret);
        assertThat(verified.getId()).isEqualTo(event.dedupKey());
        assertThat(verified.getType()).isEqualTo("payment_intent.succeeded");
    }

    @Test
    void rejectsADeliveryVerifiedWithAnotherSecretAndReadsARetriedOneAfterAFailure() {
        receiver.failFirst(2);
        ProviderPayment payment = gateway().create(request(8_888));
        SandboxPayments.post("/stripe/sandbox/checkout/" + payment.details().get("checkout_session") + "/pay");

        WebhookDelivery delivery = receiver.awaitDelivery(WebhookReceiver.bodyContains("payment_intent.succeeded")
                .and(WebhookReceiver.bodyContains(payment.providerPaymentId())));

        assertThatCode(() -> gateway().read(delivery)).doesNotThrowAnyException();
        assertThatThrownBy(() -> gateway(properties(KEY, "whsec_other", Duration.ofSeconds(5), 100))
                        .read(delivery))
                .isInstanceOf(dev.silkway.storefront.payment.WebhookRejected.class)
                .satisfies(e -> assertThat(((dev.silkway.storefront.payment.WebhookRejected) e).status())
                        .isEqualTo(401));
    }

    private static ProviderPayment paid(long amount) {
        ProviderPayment payment = gateway().create(request(amount));
        SandboxPayments.post("/stripe/sandbox/checkout/" + payment.details().get("checkout_session") + "/pay");
        return payment;
    }

    private static StripeGateway gateway() {
        return gateway(properties(KEY, endpointSecret, Duration.ofSeconds(5), 100));
    }

    private static StripeGateway gateway(StripeProperties properties) {
        return new StripeGateway(
                properties,
                ProviderHttp.create(PaymentProvider.STRIPE, properties.bounds()),
                JsonMapper.builder().build(),
                Clock.systemUTC());
    }

    private static StripeProperties properties(String key, String webhookSecret, Duration deadline, int pageSize) {
        return new StripeProperties(
                URI.create(SandboxPayments.url() + "/stripe"),
                key,
                webhookSecret,
                "2020-08-27",
                Duration.ofSeconds(300),
                PaymentRequests.bounds(deadline, pageSize));
    }

    private static PaymentRequest request(long amount) {
        return PaymentRequests.of(amount, PaymentRequest.PaymentKind.CARD);
    }
}
