package dev.silkway.storefront.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class PiiKeyRotationIT extends StorefrontIntegrationTest {

    private static final PiiColumn FULL_NAME = PiiColumn.of("users", "full_name_enc");

    @Autowired
    PiiProperties current;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void rotationReEncryptsEveryEnvelopeUnderTheNewKeyAndTheDataStillReads() {
        var shopper = Shoppers.signUp(api);
        api.post("/api/v1/me/addresses", Shoppers.moscowAddress(), shopper.accessToken());
        String oldKey = current.activeKey();
        String newKeys = current.keys() + ",rotated:" + randomKey();
        var rotatedCipher = new PiiCipher(new PiiProperties(newKeys, "rotated", current.blindIndexKey(), 2, true));
        var rotation = new PiiKeyRotation(
                jdbc,
                transactions,
                rotatedCipher,
                new PiiProperties(newKeys, "rotated", current.blindIndexKey(), 2, true));

        assertThat(rotation.encryptedTables()).containsKeys("users", "addresses", "notifications", "orders");
        long rewritten;
        try {
            rewritten = rotation.rotateAll();
            assertRotated(shopper, oldKey, rotatedCipher, rotation);
        } finally {
            // The running application only knows the original key: rotate back for the other tests.
            var back = new PiiProperties(newKeys, oldKey, current.blindIndexKey(), 100, true);
            new PiiKeyRotation(jdbc, transactions, new PiiCipher(back), back).rotateAll();
        }
        assertThat(rewritten).isPositive();
        assertThat(api.get("/api/v1/me/addresses", shopper.accessToken())
                        .json()
                        .get(0)
                        .path("street")
                        .asString())
                .isEqualTo("Тверская улица");
    }

    private void assertRotated(
            Shoppers.Session shopper, String oldKey, PiiCipher rotatedCipher, PiiKeyRotation rotation) {
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE pii_key_id = ?")
                        .param(oldKey)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM addresses WHERE pii_key_id = ?")
                        .param(oldKey)
                        .query(Long.class)
                        .single())
                .isZero();
        var address = jdbc.sql("SELECT id, street_enc FROM addresses WHERE user_id = ?")
                .param(shopper.id())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .single();
        assertThat(rotatedCipher.open(
                        address.getValue(), "rotated", PiiColumn.of("addresses", "street_enc"), address.getKey()))
                .isEqualTo("Тверская улица");
        assertThat(rotation.rotateAll()).as("idempotent").isZero();
    }

    @Test
    void anEnvelopeCopiedIntoAnotherRowOrColumnDoesNotOpen() {
        var anna = Shoppers.signUp(api);
        var boris = Shoppers.signUp(api);
        byte[] annasName = jdbc.sql("SELECT full_name_enc FROM users WHERE id = ?")
                .param(anna.id())
                .query(byte[].class)
                .single();
        var strict = new PiiCipher(strict(current.keys(), current.activeKey()));

        assertThat(strict.open(annasName, current.activeKey(), FULL_NAME, anna.id()))
                .isEqualTo("Иван Петров");
        assertThatThrownBy(() -> strict.open(annasName, current.activeKey(), FULL_NAME, boris.id()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        strict.open(annasName, current.activeKey(), PiiColumn.of("users", "phone_enc"), anna.id()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotationBindsEnvelopesWrittenBeforeTheBindingWithoutLosingThem() throws Exception {
        var shopper = Shoppers.signUp(api);
        String key = current.activeKey();
        jdbc.sql("UPDATE users SET full_name_enc = ?, pii_aad_bound = false WHERE id = ?")
                .params(unboundEnvelope("Ольга Старая", key), shopper.id())
                .update();
        assertThat(api.get("/api/v1/me", shopper.accessToken())
                        .json()
                        .path("fullName")
                        .asString())
                .as("an unbound envelope still opens until it is rebound")
                .isEqualTo("Ольга Старая");

        new PiiKeyRotation(jdbc, transactions, new PiiCipher(current), current).rotateAll();

        var row = jdbc.sql("SELECT full_name_enc, pii_aad_bound FROM users WHERE id = ?")
                .param(shopper.id())
                .query((rs, n) -> Map.entry(rs.getBytes(1), rs.getBoolean(2)))
                .single();
        assertThat(row.getValue()).isTrue();
        assertThat(new PiiCipher(strict(current.keys(), key)).open(row.getKey(), key, FULL_NAME, shopper.id()))
                .isEqualTo("Ольга Старая");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE NOT pii_aad_bound")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private PiiProperties strict(String keys, String active) {
        return new PiiProperties(keys, active, current.blindIndexKey(), 100, false);
    }

    /** An envelope as written before the binding: nonce || ciphertext || tag, the key id as additional data. */
    private byte[] unboundEnvelope(String plaintext, String keyId) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, PiiKeys.from(current).key(keyId), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
