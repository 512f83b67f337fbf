package dev.silkway.storefront.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed HMAC-SHA-256 blind indexes: exact lookups (email, phone) and name-prefix search without
 * plaintext. Each kind of value has its own domain prefix, so equal strings of different kinds
 * never share an index value.
 */
@Component
public class BlindIndex {

    /** Shortest and longest name prefix indexed per word. */
    static final int MIN_PREFIX = 2;

    static final int MAX_PREFIX = 12;

    private final SecretKeySpec key;

    BlindIndex(PiiProperties properties) {
        this.key = new SecretKeySpec(PiiKeys.from(properties).blindIndexKey(), "HmacSHA256");
    }

    /** {@code email} must already be normalized (trimmed, lowercased). */
    public byte[] email(String email) {
        return hmac("email:" + email);
    }

    /** {@code phone} must already be E.164. */
    public byte[] phone(String phone) {
        return hmac("phone:" + phone);
    }

    /** The indexes of every prefix (2..12 characters) of every word of a full name. */
    public byte[][] namePrefixes(String fullName) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String word : words(fullName)) {
            for (int n = MIN_PREFIX; n <= Math.min(MAX_PREFIX, word.length()); n++) {
                prefixes.add(word.substring(0, n));
            }
        }
        return prefixes.stream().map(p -> hmac("name:" + p)).toArray(byte[][]::new);
    }

    /** The index of a search prefix (cut to 12 characters); null when shorter than 2. */
    public byte[] namePrefix(String prefix) {
        String word = words(prefix).stream().findFirst().orElse("");
        if (word.length() < MIN_PREFIX) {
            throw new IllegalArgumentException("A name prefix needs at least " + MIN_PREFIX + " letters");
        }
        return hmac("name:" + word.substring(0, Math.min(MAX_PREFIX, word.length())));
    }

    private static java.util.List<String> words(String text) {
        return java.util.Arrays.stream(
                        text.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[\\s\\-']+"))
                .filter(w -> !w.isBlank())
                .toList();
    }

    private byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
