package dev.silkway.ingestion.generic;

import dev.silkway.ingestion.config.IngestionProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts feed credentials with AES-256-GCM under {@code silkway.ingestion.feed-secret-key}
 * ({@code SILKWAY_FEED_SECRET_KEY}: 32 bytes, base64). A sealed value is {@code IV (12 bytes) || ciphertext+tag},
 * bound to its marketplace code as associated data, so a value copied onto another row does not open. The key id
 * stored beside it is a fingerprint of the key, so a rotated key is recognised.
 */
@Component
class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKey key;
    private final @Nullable String keyId;
    private final SecureRandom random = new SecureRandom();

    SecretBox(IngestionProperties properties) {
        String configured = properties.feedSecretKey();
        if (configured == null || configured.isBlank()) {
            this.key = null;
            this.keyId = null;
            return;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("silkway.ingestion.feed-secret-key must be base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "silkway.ingestion.feed-secret-key must be 32 bytes (base64), not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = "sha256:" + HexFormat.of().formatHex(sha256(raw), 0, 8);
    }

    boolean configured() {
        return key != null;
    }

    record Sealed(byte[] value, String keyId) {}

    Sealed seal(String code, byte[] plain) {
        SecretKey k = require();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(code.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(
                    ByteBuffer.allocate(IV_BYTES + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array(),
                    keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    byte[] open(String code, byte[] sealed, String storedKeyId) {
        SecretKey k = require();
        if (!storedKeyId.equals(keyId)) {
            throw new IllegalStateException("The credentials of feed " + code + " were sealed with key " + storedKeyId
                    + ", not the configured " + keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(code.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The credentials of feed " + code + " do not decrypt", e);
        }
    }

    private String keyId() {
        return java.util.Objects.requireNonNull(keyId);
    }

    private SecretKey require() {
        if (key == null) {
            throw new IllegalStateException("No silkway.ingestion.feed-secret-key (SILKWAY_FEED_SECRET_KEY) is set");
        }
        return key;
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
