package dev.silkway.storefront.payment.stripe;

import dev.silkway.storefront.payment.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=...]}: the event is Stripe's when any
 * {@code v1} equals the lowercase hex HMAC-SHA256, keyed with the whole {@code whsec_...} secret, of
 * {@code t + "." + the raw body} (compared in constant time), and {@code t} is at most the tolerance old. The same
 * order of checks as Stripe's own {@code Webhook.Signature.verifyHeader}: the signature first, then its age.
 * A header without {@code t} or without {@code v1} is malformed (400), a signature that matches none is forged (401),
 * a matching one older than the tolerance is stale (400).
 */
final class StripeSignature {

    private final byte[] secret;
    private final Duration tolerance;

    StripeSignature(String secret, Duration tolerance) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    void verify(@Nullable String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            throw WebhookRejected.malformed("no Stripe-Signature header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                timestamp = parse(value);
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw WebhookRejected.malformed("Stripe-Signature without a timestamp or a v1 signature");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            throw WebhookRejected.unauthenticated("no Stripe-Signature v1 matches the payload");
        }
        if (timestamp < now.getEpochSecond() - tolerance.toSeconds()) {
            throw WebhookRejected.malformed("Stripe-Signature timestamp is older than " + tolerance.toSeconds() + " s");
        }
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw WebhookRejected.malformed("Stripe-Signature timestamp is not a number");
        }
    }
}
