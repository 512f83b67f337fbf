package dev.silkway.storefront.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class PiiKeyRotationIT extends StorefrontIntegrationTest {

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
        var rotatedCipher = new PiiCipher(new PiiProperties(newKeys, "rotated", current.blindIndexKey(), 2));
        var rotation = new PiiKeyRotation(
                jdbc, transactions, rotatedCipher, new PiiProperties(newKeys, "rotated", current.blindIndexKey(), 2));

        assertThat(rotation.encryptedTables()).containsKeys("users", "addresses", "notifications", "orders");
        long rewritten;
        try {
            rewritten = rotation.rotateAll();
            assertRotated(shopper, oldKey, rotatedCipher, rotation);
        } finally {
            // The running application only knows the original key: rotate back for the other tests.
            var back = new PiiProperties(newKeys, oldKey, current.blindIndexKey(), 100);
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
        byte[] street = jdbc.sql("SELECT street_enc FROM addresses WHERE user_id = ?")
                .param(shopper.id())
                .query(byte[].class)
                .single();
        assertThat(rotatedCipher.open(street, "rotated")).isEqualTo("Тверская улица");
        assertThat(rotation.rotateAll()).as("idempotent").isZero();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
