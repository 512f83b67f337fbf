package dev.silkway.storefront.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Postal codes by country, normalized (upper case, inner spaces dropped where the format has none):
 * RU and BY six digits; KZ the 7-character alphanumeric code Kazpost asks for since 2023
 * ({@code A01P3K4}, written {@code A01 P3K4} too) or the older six digits. Other countries: 2..10
 * letters, digits, spaces or dashes.
 */
final class PostalCodes {

    private static final Map<String, Pattern> FORMATS = Map.of(
            "RU", Pattern.compile("^\\d{6}$"),
            "BY", Pattern.compile("^\\d{6}$"),
            "KZ", Pattern.compile("^(\\d{6}|[A-Z]\\d{2}[A-Z0-9]{4})$"));

    private static final Pattern OTHER = Pattern.compile("^[A-Z0-9][A-Z0-9 \\-]{0,8}[A-Z0-9]$");

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private PostalCodes() {}

    /** The normalized postal code, or empty when it does not fit the country's format. */
    static Optional<String> normalize(String country, String postalCode) {
        if (postalCode == null || postalCode.length() > 16) {
            return Optional.empty();
        }
        String code = postalCode.strip().toUpperCase(Locale.ROOT);
        Pattern format = FORMATS.get(country);
        if (format != null) {
            code = code.replace(" ", "");
            return format.matcher(code).matches() ? Optional.of(code) : Optional.empty();
        }
        return OTHER.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
