package dev.silkway.ingestion.generic;

import dev.silkway.ingestion.config.IngestionProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts feed credentials with AES-256-GCM under a key ring ({@link FeedSecretProperties}; the single
 * {@code silkway.ingestion.feed-secret-key}, {@code SILKWAY_FEED_SECRET_KEY}, joins it under the id
 * {@code sha256:<fingerprint>}). A sealed value is {@code IV (12 bytes) || ciphertext+tag}, bound to its marketplace
 * code as associated data, so a value copied onto another row does not open; the id of its key is stored beside it
 * ({@code marketplaces.feed_secret_key_id}), so a value sealed under an older key still opens while that key stays
 * in the ring, and {@link FeedSecretRotation} re-seals it under the active one.
 */
@Component
@EnableConfigurationProperties(FeedSecretProperties.class)
class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final @Nullable String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    SecretBox(IngestionProperties properties, FeedSecretProperties ring) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : ring.keys().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.strip().indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("SILKWAY_FEED_SECRET_KEYS entries look like id:base64-of-32-bytes");
            }
            String id = entry.strip().substring(0, colon);
            keys.put(
                    id,
                    key(entry.strip().substring(colon + 1), "silkway.ingestion.feed-secrets.keys (key " + id + ")"));
        }
        String legacy = properties.feedSecretKey();
        if (legacy != null && !legacy.isBlank()) {
            SecretKey key = key(legacy, "silkway.ingestion.feed-secret-key");
            keys.put(fingerprint(key), key);
        }
        this.keys = Map.copyOf(keys);
        String active = ring.activeKey().isBlank()
                ? keys.keySet().stream().findFirst().orElse(null)
                : ring.activeKey().strip();
        if (active != null && !keys.containsKey(active)) {
            throw new IllegalStateException("SILKWAY_FEED_SECRET_ACTIVE_KEY names no key of SILKWAY_FEED_SECRET_KEYS");
        }
        this.activeKeyId = active;
    }

    boolean configured() {
        return activeKeyId != null;
    }

    /** The id new credentials are sealed under. */
    String activeKeyId() {
        return require();
    }

    Set<String> keyIds() {
        return keys.keySet();
    }

    record Sealed(byte[] value, String keyId) {}

    Sealed seal(String code, byte[] plain) {
        String keyId = require();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(code.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(
                    ByteBuffer.allocate(IV_BYTES + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array(),
                    keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    byte[] open(String code, byte[] sealed, String storedKeyId) {
        SecretKey key = keys.get(storedKeyId);
        if (key == null) {
            throw new IllegalStateException("The credentials of feed " + code + " were sealed with key " + storedKeyId
                    + ", which is not in the configured key ring " + keys.keySet());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(code.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The credentials of feed " + code + " do not decrypt", e);
        }
    }

    /** The same credentials sealed under the active key. */
    Sealed reseal(String code, byte[] sealed, String storedKeyId) {
        return seal(code, open(code, sealed, storedKeyId));
    }

    private String require() {
        if (activeKeyId == null) {
            throw new IllegalStateException(
                    "No feed secret key is set (SILKWAY_FEED_SECRET_KEYS, or SILKWAY_FEED_SECRET_KEY)");
        }
        return activeKeyId;
    }

    private static SecretKey key(String base64, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64), not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static String fingerprint(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
