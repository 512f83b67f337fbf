package dev.silkway.storefront.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Query understanding, in one place: the other readings of what the shopper typed, searched beside
 * it — the text typed with the other keyboard layout ({@code rhjccjdrb} → "кроссовки", {@code тшлу}
 * → "nike") and its transliteration ({@code krossovki} → "кроссовки", "Анта" → "anta"). Typos are
 * forgiven by the search itself (fuzziness by term length) and the category intent comes from the
 * index; see {@code dev.silkway.elastic.search.TextQueries}.
 */
final class QueryReadings {

    private static final int MIN_LETTERS = 2;

    private QueryReadings() {}

    static List<String> of(String text) {
        if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return List.of();
        }
        List<String> readings = new ArrayList<>(2);
        add(readings, text, KeyboardLayout.swapped(text));
        add(readings, text, Transliteration.other(text));
        return readings;
    }

    private static void add(List<String> readings, String text, String reading) {
        if (reading != null && !reading.equalsIgnoreCase(text) && !readings.contains(reading)) {
            readings.add(reading);
        }
    }
}
