package dev.silkway.sandbox.partner;

import dev.silkway.sandbox.catalogue.Signatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** The partner's signature: lowercase hex HMAC-SHA256(secret, timestamp + "." + raw body). */
final class PartnerSignature {

    private PartnerSignature() {}

    static String sign(String secret, long timestamp, String body) {
        return Signatures.hmac("HmacSHA256", secret, timestamp + "." + body).toLowerCase(Locale.ROOT);
    }

    static boolean matches(String secret, long timestamp, String body, String signature) {
        return MessageDigest.isEqual(
                sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
