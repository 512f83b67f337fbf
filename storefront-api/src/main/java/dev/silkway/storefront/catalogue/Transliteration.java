package dev.silkway.storefront.catalogue;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Russian words typed in Latin letters ({@code krossovki}, {@code kurtka}, {@code dzhinsy}) and Latin
 * names typed in Cyrillic ({@code Анта}, {@code Сяоми}), both ways after the common practice of
 * passports and shop signs (GOST 7.79 B without its rare letters). A guess, matched beside the text.
 */
final class Transliteration {

    /** Longest first, so that {@code shch} wins over {@code sh} and {@code sh} over {@code s}. */
    private static final String[][] LATIN_TO_CYRILLIC = {
        {"shch", "щ"},
        {"sch", "щ"},
        {"zh", "ж"},
        {"kh", "х"},
        {"ts", "ц"},
        {"ch", "ч"},
        {"sh", "ш"},
        {"yu", "ю"},
        {"ju", "ю"},
        {"ya", "я"},
        {"ja", "я"},
        {"yo", "ё"},
        {"jo", "ё"},
        {"iy", "ий"},
        {"yy", "ый"},
        {"a", "а"},
        {"b", "б"},
        {"v", "в"},
        {"w", "в"},
        {"g", "г"},
        {"d", "д"},
        {"e", "е"},
        {"z", "з"},
        {"i", "и"},
        {"j", "й"},
        {"k", "к"},
        {"l", "л"},
        {"m", "м"},
        {"n", "н"},
        {"o", "о"},
        {"p", "п"},
        {"r", "р"},
        {"s", "с"},
        {"t", "т"},
        {"u", "у"},
        {"f", "ф"},
        {"h", "х"},
        {"c", "к"},
        {"y", "ы"},
        {"x", "кс"},
        {"q", "к"},
        {"'", "ь"}
    };

    private static final String[] CYRILLIC_TO_LATIN = {
        "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
        "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
    };

    private Transliteration() {}

    /** The other script's spelling of a text written in one script only; null otherwise. */
    static @Nullable String other(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Script script = Script.ofLetters(lower);
        if (script == null) {
            return null;
        }
        boolean latin = script == Script.LATIN;
        return latin ? toCyrillic(lower) : toLatin(lower);
    }

    private static String toCyrillic(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        int i = 0;
        next:
        while (i < latin.length()) {
            for (String[] rule : LATIN_TO_CYRILLIC) {
                if (latin.startsWith(rule[0], i)) {
                    out.append(rule[1]);
                    i += rule[0].length();
                    continue next;
                }
            }
            out.append(latin.charAt(i++));
        }
        return out.toString();
    }

    private static String toLatin(String cyrillic) {
        StringBuilder out = new StringBuilder(cyrillic.length() + 4);
        for (int i = 0; i < cyrillic.length(); i++) {
            char c = cyrillic.charAt(i);
            int letter = Script.CYRILLIC_LETTERS.indexOf(c);
            out.append(letter < 0 ? String.valueOf(c) : CYRILLIC_TO_LATIN[letter]);
        }
        return out.toString();
    }
}
