package dev.silkway.storefront.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as the system compares them: trimmed and lowercased. */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private EmailAddresses() {}

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String email) {
        String normalized = normalize(email);
        return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
    }
}
