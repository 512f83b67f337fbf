package dev.silkway.storefront.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private static final String KEY1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY2 =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String BLIND =
            Base64.getEncoder().encodeToString("blind-index-key-of-32-bytes-long".getBytes());

    private static final PiiColumn NAME = PiiColumn.of("users", "full_name_enc");
    private static final UUID ROW = UUID.randomUUID();

    private final PiiCipher cipher =
            new PiiCipher(new PiiProperties("k1:" + KEY1 + ",k2:" + KEY2, "k2", BLIND, 10, false));

    @Test
    void sealsWithARandomNonceSoEqualValuesDiffer() {
        byte[] a = cipher.seal("Анна Смирнова", NAME, ROW);
        byte[] b = cipher.seal("Анна Смирнова", NAME, ROW);

        assertThat(a).isNotEqualTo(b);
        assertThat(a.length).isEqualTo(1 + 12 + "Анна Смирнова".getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(a[0]).as("the version marker").isEqualTo((byte) 2);
        assertThat(cipher.open(a, "k2", NAME, ROW)).isEqualTo("Анна Смирнова");
    }

    @Test
    void aTamperedEnvelopeOrTheWrongKeyIdDoesNotOpen() {
        byte[] sealed = cipher.seal("+79161234567", NAME, ROW);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "k2", NAME, ROW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(cipher.seal("x", NAME, ROW), "k1", NAME, ROW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEnvelopeOpensOnlyInTheTableColumnAndRowItWasSealedFor() {
        byte[] sealed = cipher.seal("Анна Смирнова", NAME, ROW);

        assertThatThrownBy(() -> cipher.open(sealed, "k2", NAME, UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "k2", PiiColumn.of("users", "phone_enc"), ROW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "k2", PiiColumn.of("addresses", "full_name_enc"), ROW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reSealsUnderTheActiveKey() {
        byte[] old = cipher.seal("Москва", "k1", NAME, ROW);

        assertThat(cipher.open(cipher.reseal(old, "k1", NAME, ROW), "k2", NAME, ROW))
                .isEqualTo("Москва");
    }

    @Test
    void blindIndexesAreKeyedDeterministicAndSeparatedByKind() {
        var index = new BlindIndex(new PiiProperties("k1:" + KEY1, "k1", BLIND, 10, false));

        assertThat(index.email("a@b.ru")).isEqualTo(index.email("a@b.ru")).isNotEqualTo(index.phone("a@b.ru"));
        assertThat(java.util.Arrays.stream(index.namePrefixes("Анна Смирнова"))
                        .anyMatch(p -> java.util.Arrays.equals(p, index.namePrefix("СМИР"))))
                .isTrue();
    }

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties("", "", "", 10, false)))
                .hasMessageContaining("SILKWAY_PII_KEYS");
    }
}
