package dev.silkway.storefront.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Query understanding, in one place: the other readings of what the shopper typed, searched beside
 * it — the text typed with the other keyboard layout ({@code rhjccjdrb} → "кроссовки", {@code тшлу}
 * → "nike"), its transliteration ({@code krossovki} → "кроссовки", "Анта" → "anta") and its words
 * in the glossary's other languages ("кроссовки" → "运动鞋", "sneakers"; {@link GlossarySynonyms}). Typos are
 * forgiven by the search itself (fuzziness by term length) and the category intent comes from the
 * index; see {@code dev.silkway.elastic.search.TextQueries}.
 */
@Component
class QueryReadings {

    private static final int MIN_LETTERS = 2;

    private final GlossarySynonyms glossary;

    QueryReadings(GlossarySynonyms glossary) {
        this.glossary = glossary;
    }

    List<String> of(String text) {
        if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return List.of();
        }
        List<String> readings = new ArrayList<>(4);
        add(readings, text, KeyboardLayout.swapped(text));
        add(readings, text, Transliteration.other(text));
        glossary.readings(text).forEach(reading -> add(readings, text, reading));
        return readings;
    }

    private static void add(List<String> readings, String text, String reading) {
        if (reading != null && !reading.equalsIgnoreCase(text) && !readings.contains(reading)) {
            readings.add(reading);
        }
    }
}
