package dev.silkway.storefront.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 ({@code +} country code and subscriber number, 8 to 15 digits). Spaces,
 * dashes, dots and brackets are dropped; a Russian or Kazakh {@code 8XXXXXXXXXX} becomes {@code +7XXXXXXXXXX}.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");

    private PhoneNumbers() {}

    public static Optional<String> toE164(String phone) {
        if (phone == null || phone.length() > 32) {
            return Optional.empty();
        }
        String compact = phone.replaceAll("[\\s\\-.()]", "");
        if (compact.matches("^8\\d{10}$")) {
            compact = "+7" + compact.substring(1);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
