package dev.silkway.storefront.catalogue;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The language the shopper reads: the {@code lang} parameter, else the first supported language of
 * {@code Accept-Language}, else Russian. Titles and names fall back to the original text (mostly
 * Chinese) where no translation exists.
 */
enum ShopperLanguage {
    RU("ru"),
    EN("en"),
    ZH("zh");

    private final String code;

    ShopperLanguage(String code) {
        this.code = code;
    }

    static ShopperLanguage of(@Nullable String lang, @Nullable String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return byCode(lang.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> InvalidParameter.of("lang", "must be one of ru, en, zh"));
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return RU;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return RU;
        }
        for (Locale.LanguageRange range : ranges) {
            String primary = range.getRange().split("-", 2)[0];
            var language = byCode(primary);
            if (language.isPresent() && range.getWeight() > 0) {
                return language.get();
            }
        }
        return RU;
    }

    /** The text in this language: its translation when there is one, else the original. */
    String pick(@Nullable String ru, @Nullable String en, String original) {
        String translated = switch (this) {
            case RU -> ru;
            case EN -> en;
            case ZH -> null;
        };
        return translated == null || translated.isBlank() ? original : translated;
    }

    private static java.util.Optional<ShopperLanguage> byCode(String code) {
        for (ShopperLanguage language : values()) {
            if (language.code.equals(code)) {
                return java.util.Optional.of(language);
            }
        }
        return java.util.Optional.empty();
    }
}
