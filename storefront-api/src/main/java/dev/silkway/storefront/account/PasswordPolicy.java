package dev.silkway.storefront.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 10 characters, at most 128, not the email, and not one of the 10,000 most common
 * passwords ({@code security/common-passwords.txt}: the top of the "passwords" frequency list that
 * zxcvbn ships, Debian package python3-zxcvbn, compared case-insensitively).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The reason the password is refused, if it is. */
    public Optional<String> violation(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            return Optional.of("must not be the email address");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("is one of the most common passwords");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        var resource = new ClassPathResource("security/common-passwords.txt");
        try (var in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common-password list", e);
        }
        return Set.copyOf(words);
    }
}
