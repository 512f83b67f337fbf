package dev.silkway.storefront.payment.nowpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.storefront.payment.WebhookRejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IPN signature against NOWPayments' reference code: the expected texts and digests were produced by Node.js
 * running the {@code sortObject} + {@code JSON.stringify} + HMAC-SHA512 of NOWPayments' documentation on the same
 * bodies (src/test/resources/payment/nowpayments).
 */
class IpnSignatureTest {

    private static final String SECRET = "test-ipn-secret";
    /** Node's HMAC-SHA512 of ipn-awkward.json's signed text with SECRET. */
    private static final String NODE_DIGEST = "5d1eefd4c672309c8935b495a852d629522a70a2193d83dbe66611ed050c2746"
            + "964264e62e7c1e2e107ee03463385121d3090b38e002cbe13bdc2f805585fbb1";

    private final IpnSignature signature = new IpnSignature(SECRET);

    @Test
    void writesTheBodyExactlyAsNodeDoesForNowPaymentsReferenceCode() throws IOException {
        String text = IpnJson.stringify(JsonMapper.builder().build().readTree(resource("ipn-awkward.json")));

        assertThat(text).isEqualTo(new String(resource("ipn-awkward.signed-text"), StandardCharsets.UTF_8).strip());
    }

    @Test
    void acceptsTheSignatureNodeComputesWhateverTheKeyOrder() throws IOException {
        assertThat(signature
                        .verify(NODE_DIGEST, resource("ipn-awkward.json"))
                        .path("payment_id")
                        .asLong())
                .isEqualTo(5077125051L);
        assertThat(signature.verify(NODE_DIGEST.toUpperCase(), resource("ipn-awkward.json")))
                .isNotNull();
    }

    @Test
    void signsTheSameTextForTheSameFieldsInAnyOrderAndNesting() {
        String one = "{\"payment_status\":\"finished\",\"payment_id\":1,\"fee\":{\"b\":1.50,\"a\":0}}";
        String other =
                "{ \"fee\" : { \"a\" : 0, \"b\" : 1.5 }, \"payment_id\" : 1.0, \"payment_status\" : \"finished\" }";

        String digest =
                signature.sign("{\"fee\":{\"a\":0,\"b\":1.5},\"payment_id\":1,\"payment_status\":\"finished\"}");

        assertThat(signature.verify(digest, one.getBytes(StandardCharsets.UTF_8)))
                .isNotNull();
        assertThat(signature.verify(digest, other.getBytes(StandardCharsets.UTF_8)))
                .isNotNull();
    }

    @Test
    void rejectsAForgedBodyAsUnauthenticated() throws IOException {
        String forged = new String(resource("ipn-awkward.json"), StandardCharsets.UTF_8)
                .replace("\"actually_paid\":6.46335100", "\"actually_paid\":12.926702");

        assertRejected(() -> signature.verify(NODE_DIGEST, forged.getBytes(StandardCharsets.UTF_8)), 401);
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() throws IOException {
        String other = new IpnSignature("another-secret").sign("{}");

        assertRejected(() -> signature.verify(other, "{}".getBytes(StandardCharsets.UTF_8)), 401);
    }

    @Test
    void rejectsAMissingOrMalformedSignatureAndABodyThatIsNotAnObject() throws IOException {
        byte[] body = resource("ipn-awkward.json");

        assertRejected(() -> signature.verify(null, body), 400);
        assertRejected(() -> signature.verify("abc", body), 400);
        assertRejected(() -> signature.verify(NODE_DIGEST, "[1,2]".getBytes(StandardCharsets.UTF_8)), 400);
        assertRejected(() -> signature.verify(NODE_DIGEST, "{not json".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void writesNumbersAsJavaScriptDoes() {
        assertThat(IpnJson.number(1.50)).isEqualTo("1.5");
        assertThat(IpnJson.number(5.0)).isEqualTo("5");
        assertThat(IpnJson.number(0.000001)).isEqualTo("0.000001");
        assertThat(IpnJson.number(0.0000001)).isEqualTo("1e-7");
        assertThat(IpnJson.number(1e21)).isEqualTo("1e+21");
        assertThat(IpnJson.number(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(IpnJson.number(-0.0)).isEqualTo("0");
        assertThat(IpnJson.number(99999999.99)).isEqualTo("99999999.99");
        assertThat(IpnJson.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
        assertThatThrownBy(call)
                .isInstanceOf(WebhookRejected.class)
                .satisfies(e -> assertThat(((WebhookRejected) e).status()).isEqualTo(status));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = IpnSignatureTest.class.getResourceAsStream("/payment/nowpayments/" + name)) {
            return in.readAllBytes();
        }
    }
}
