package dev.silkway.storefront.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private static final String KEY1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY2 =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String BLIND =
            Base64.getEncoder().encodeToString("blind-index-key-of-32-bytes-long".getBytes());

    private final PiiCipher cipher = new PiiCipher(new PiiProperties("k1:" + KEY1 + ",k2:" + KEY2, "k2", BLIND, 10));

    @Test
    void sealsWithARandomNonceSoEqualValuesDiffer() {
        byte[] a = cipher.seal("Анна Смирнова");
        byte[] b = cipher.seal("Анна Смирнова");

        assertThat(a).isNotEqualTo(b);
        assertThat(a.length).isEqualTo(12 + "Анна Смирнова".getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(cipher.open(a, "k2")).isEqualTo("Анна Смирнова");
    }

    @Test
    void aTamperedEnvelopeOrTheWrongKeyIdDoesNotOpen() {
        byte[] sealed = cipher.seal("+79161234567");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "k2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(cipher.seal("x"), "k1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reSealsUnderTheActiveKey() {
        byte[] old = cipher.seal("Москва", "k1");

        assertThat(cipher.open(cipher.reseal(old, "k1"), "k2")).isEqualTo("Москва");
    }

    @Test
    void blindIndexesAreKeyedDeterministicAndSeparatedByKind() {
        var index = new BlindIndex(new PiiProperties("k1:" + KEY1, "k1", BLIND, 10));

        assertThat(index.email("a@b.ru")).isEqualTo(index.email("a@b.ru")).isNotEqualTo(index.phone("a@b.ru"));
        assertThat(java.util.Arrays.stream(index.namePrefixes("Анна Смирнова"))
                        .anyMatch(p -> java.util.Arrays.equals(p, index.namePrefix("СМИР"))))
                .isTrue();
    }

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties("", "", "", 10)))
                .hasMessageContaining("SILKWAY_PII_KEYS");
    }
}
