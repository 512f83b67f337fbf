package dev.silkway.storefront.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM envelopes for personal data, bound to their place: {@code 0x02 || nonce (12 bytes) || ciphertext ||
 * tag (16 bytes)}, a fresh random nonce per value, the additional data naming the key id, the table, the column and
 * the row id, so an envelope copied into another row or column does not open. The row stores the key id beside its
 * envelopes.
 *
 * <p>Envelopes written before the binding (version 1: {@code nonce || ciphertext || tag}, the key id as the only
 * additional data) still open while {@code silkway.pii.accept-unbound-envelopes} is true; the rotation command
 * ({@link PiiKeyRotation}) rewrites them bound. A version-1 envelope may start with the version byte by chance (1 in
 * 256), so a value with the marker that does not open as version 2 is tried as version 1.
 */
@Component
public class PiiCipher {

    private static final byte BOUND = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PiiKeys keys;
    private final boolean acceptUnbound;
    private final SecureRandom random = new SecureRandom();

    PiiCipher(PiiProperties properties) {
        this.keys = PiiKeys.from(properties);
        this.acceptUnbound = properties.acceptUnboundEnvelopes();
    }

    /** The key id that {@link #seal} uses now: store it with the row. */
    public String activeKeyId() {
        return keys.activeKeyId();
    }

    /** Seals a value of column {@code column} of the row {@code rowId} under the active key. */
    public byte @Nullable [] seal(@Nullable String plaintext, PiiColumn column, UUID rowId) {
        return plaintext == null ? null : seal(plaintext, keys.activeKeyId(), column, rowId);
    }

    byte[] seal(String plaintext, String keyId, PiiColumn column, UUID rowId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundData(keyId, column, rowId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(BOUND)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens a value of column {@code column} of the row {@code rowId}, sealed under {@code keyId}. */
    public @Nullable String open(byte @Nullable [] envelope, String keyId, PiiColumn column, UUID rowId) {
        if (envelope == null) {
            return null;
        }
        if (envelope.length > 1 + NONCE_BYTES && envelope[0] == BOUND) {
            byte[] plain = decrypt(envelope, 1, keyId, boundData(keyId, column, rowId));
            if (plain != null) {
                return new String(plain, StandardCharsets.UTF_8);
            }
        }
        if (acceptUnbound) {
            byte[] plain = decrypt(envelope, 0, keyId, keyId.getBytes(StandardCharsets.UTF_8));
            if (plain != null) {
                return new String(plain, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException(
                "A personal-data envelope of " + column + " does not open with key " + keyId + " for its row");
    }

    /** Re-seals an envelope under the active key, bound to its place (rotation). */
    byte @Nullable [] reseal(byte @Nullable [] envelope, String keyId, PiiColumn column, UUID rowId) {
        return envelope == null ? null : seal(open(envelope, keyId, column, rowId), keys.activeKeyId(), column, rowId);
    }

    private byte @Nullable [] decrypt(byte[] envelope, int offset, String keyId, byte[] additionalData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    keys.key(keyId),
                    new GCMParameterSpec(TAG_BITS, envelope, offset, NONCE_BYTES));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(envelope, offset + NONCE_BYTES, envelope.length - offset - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException notThisFormatOrPlace) {
            return null;
        }
    }

    private static byte[] boundData(String keyId, PiiColumn column, UUID rowId) {
        return ("silkway-pii/2|" + keyId + "|" + column.table() + "|" + column.column() + "|" + rowId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
