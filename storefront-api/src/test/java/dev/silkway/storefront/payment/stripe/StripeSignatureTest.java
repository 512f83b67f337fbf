package dev.silkway.storefront.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.silkway.storefront.payment.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Our Stripe-Signature check, case by case, and side by side with stripe-java's own (Webhook.Signature). */
class StripeSignatureTest {

    private static final String SECRET = "whsec_test_secret";
    private static final String PAYLOAD =
            "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{}}}";
    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    private final StripeSignature signature = new StripeSignature(SECRET, Duration.ofSeconds(300));

    @Test
    void acceptsASignatureStripeJavaComputes() throws Exception {
        String header = header(NOW.getEpochSecond(), stripeJava(NOW.getEpochSecond(), SECRET));

        assertThatCode(() -> verify(header, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> Webhook.Signature.verifyHeader(PAYLOAD, header, SECRET, 300, at(NOW.getEpochSecond())))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsWhenAnyOfSeveralV1Matches() throws Exception {
        long t = NOW.getEpochSecond();
        String header = "t=" + t + ",v1=" + stripeJava(t, "whsec_rolled_out") + ",v0=abc,v1=" + stripeJava(t, SECRET);

        assertThatCode(() -> verify(header, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> Webhook.Signature.verifyHeader(PAYLOAD, header, SECRET, 300, at(t)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsAForgedSignatureAsUnauthenticatedAsStripeJavaDoes() throws Exception {
        long t = NOW.getEpochSecond();
        String header = header(t, stripeJava(t, "whsec_someone_else"));

        assertRejected(() -> verify(header, NOW), 401);
        assertThatThrownBy(() -> Webhook.Signature.verifyHeader(PAYLOAD, header, SECRET, 300, at(t)))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void rejectsATamperedPayload() throws Exception {
        long t = NOW.getEpochSecond();
        String header = header(t, stripeJava(t, SECRET));

        assertRejected(
                () -> signature.verify(header, PAYLOAD.replace("evt_1", "evt_2").getBytes(StandardCharsets.UTF_8), NOW),
                401);
    }

    @Test
    void rejectsASignatureOlderThanThreeHundredSecondsAsStaleAsStripeJavaDoes() throws Exception {
        long t = NOW.getEpochSecond() - 301;
        String header = header(t, stripeJava(t, SECRET));

        assertRejected(() -> verify(header, NOW), 400);
        assertThatThrownBy(() -> Webhook.Signature.verifyHeader(PAYLOAD, header, SECRET, 300, at(NOW.getEpochSecond())))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("tolerance");
        assertThatCode(() -> verify(header(t + 1, stripeJava(t + 1, SECRET)), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsMalformedHeaders() throws Exception {
        long t = NOW.getEpochSecond();
        String v1 = stripeJava(t, SECRET);

        assertRejected(() -> verify(null, NOW), 400);
        assertRejected(() -> verify("", NOW), 400);
        assertRejected(() -> verify("v1=" + v1, NOW), 400);
        assertRejected(() -> verify("t=" + t, NOW), 400);
        assertRejected(() -> verify("t=" + t + ",v0=" + v1, NOW), 400);
        assertRejected(() -> verify("t=yesterday,v1=" + v1, NOW), 400);
        assertRejected(() -> verify("garbage", NOW), 400);
    }

    private void verify(String header, Instant now) {
        signature.verify(header, PAYLOAD.getBytes(StandardCharsets.UTF_8), now);
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), java.time.ZoneOffset.UTC);
    }

    private static String header(long t, String v1) {
        return "t=" + t + ",v1=" + v1;
    }

    /** The v1 signature as stripe-java computes it. */
    private static String stripeJava(long t, String secret) throws Exception {
        return Webhook.Util.computeHmacSha256(secret, t + "." + PAYLOAD);
    }

    private static void assertRejected(ThrowingCallable call, int status) {
        assertThatThrownBy(call)
                .isInstanceOf(WebhookRejected.class)
                .satisfies(e -> assertThat(((WebhookRejected) e).status()).isEqualTo(status));
    }
}
