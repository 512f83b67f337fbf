package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.storefront.payment.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code x-nowpayments-sig}: the hex HMAC-SHA512, keyed with the IPN secret, of the body re-written as NOWPayments
 * signs it ({@link IpnJson}); compared in constant time. No timestamp is signed, so there is no age to check: a
 * replayed IPN is caught by its dedup key. Missing or not 128 hex digits: malformed (400); not matching: forged (401).
 */
final class IpnSignature {

    private static final JsonMapper PARSER = JsonMapper.builder().build();

    private final byte[] secret;

    IpnSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The body's JSON once its signature is verified. */
    JsonNode verify(@Nullable String header, byte[] body) {
        if (header == null || !header.strip().matches("[0-9a-fA-F]{128}")) {
            throw WebhookRejected.malformed("no x-nowpayments-sig of 128 hex digits");
        }
        JsonNode parsed;
        try {
            parsed = PARSER.readTree(body);
        } catch (JacksonException e) {
            throw WebhookRejected.malformed("an IPN that is not JSON");
        }
        if (parsed == null || !parsed.isObject()) {
            throw WebhookRejected.malformed("an IPN that is not a JSON object");
        }
        byte[] expected = sign(IpnJson.stringify(parsed)).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw WebhookRejected.unauthenticated("x-nowpayments-sig does not match the IPN");
        }
        return parsed;
    }

    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is not available", e);
        }
    }
}
