package dev.silkway.ingestion.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSecretKeysTest {

    static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    static SecretBox box(String keys, String active) {
        return new SecretBox(GenericFeedUnitsTest.properties(null), new FeedSecretProperties(keys, active, 100));
    }

    @Test
    void credentialsSealedUnderAnOlderKeyOpenWhileItStaysInTheRingAndResealUnderTheActiveOne() {
        SecretBox.Sealed old = box(K1, "").seal("acme", bytes("s3cret"));
        SecretBox rotated = box(K1 + "," + K2, "k2");

        SecretBox.Sealed resealed = rotated.reseal("acme", old.value(), old.keyId());

        assertThat(old.keyId()).isEqualTo("k1");
        assertThat(resealed.keyId()).isEqualTo("k2");
        assertThat(text(box(K2, "").open("acme", resealed.value(), "k2"))).isEqualTo("s3cret");
        assertThatThrownBy(() -> box(K2, "").open("acme", old.value(), "k1"))
                .hasMessageContaining("not in the configured key ring");
    }

    @Test
    void theSingleKeyOfEarlierVersionsStillOpensItsCredentials() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox legacy = new SecretBox(GenericFeedUnitsTest.properties(key), GenericFeedUnitsTest.NO_RING);
        SecretBox.Sealed sealed = legacy.seal("acme", bytes("s3cret"));
        SecretBox ring = new SecretBox(GenericFeedUnitsTest.properties(key), new FeedSecretProperties(K2, "k2", 100));

        assertThat(sealed.keyId()).startsWith("sha256:");
        assertThat(ring.reseal("acme", sealed.value(), sealed.keyId()).keyId()).isEqualTo("k2");
    }

    @Test
    void refusesAnActiveKeyOutsideTheRing() {
        assertThatThrownBy(() -> box(K1, "k9")).hasMessageContaining("SILKWAY_FEED_SECRET_ACTIVE_KEY");
        assertThat(box("", "").configured()).isFalse();
    }

    @Test
    void theLocalStackGeneratesItsFeedKeyOnceOwnerReadableOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets").resolve("ingestion-secrets.properties");
        LocalFeedSecrets local = new LocalFeedSecrets();

        Properties first = local.loadOrCreate(file);
        Properties again = local.loadOrCreate(file);

        assertThat(first.getProperty("silkway.local-secrets.feed-secret-keys")).startsWith("local1:");
        assertThat(again).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(box(first.getProperty("silkway.local-secrets.feed-secret-keys"), "local1")
                        .configured())
                .isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
