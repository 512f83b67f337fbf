package dev.silkway.storefront.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM envelopes for personal data: {@code nonce (12 bytes) || ciphertext || tag (16 bytes)},
 * a fresh random nonce per value; the row stores the key id beside its envelopes.
 */
@Component
public class PiiCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PiiKeys keys;
    private final SecureRandom random = new SecureRandom();

    PiiCipher(PiiProperties properties) {
        this.keys = PiiKeys.from(properties);
    }

    /** The key id that {@link #seal} uses now: store it with the row. */
    public String activeKeyId() {
        return keys.activeKeyId();
    }

    public byte @Nullable [] seal(@Nullable String plaintext) {
        return plaintext == null ? null : seal(plaintext, keys.activeKeyId());
    }

    byte[] seal(String plaintext, String keyId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public @Nullable String open(byte @Nullable [] envelope, String keyId) {
        if (envelope == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, envelope, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(envelope, NONCE_BYTES, envelope.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A personal-data envelope does not open with key " + keyId);
        }
    }

    /** Re-seals an envelope under the active key (key rotation). */
    byte @Nullable [] reseal(byte @Nullable [] envelope, String keyId) {
        return envelope == null ? null : seal(open(envelope, keyId), keys.activeKeyId());
    }
}
