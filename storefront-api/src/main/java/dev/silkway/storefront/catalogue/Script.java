package dev.silkway.storefront.catalogue;

import org.jspecify.annotations.Nullable;

/** The one script a query's letters are written in, for the readings that move a text to the other one. */
enum Script {
    LATIN,
    CYRILLIC;

    /** The 33 letters of the Russian alphabet, lower case. */
    static final String CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

    /** The script of every letter of a lower-cased text; null for both scripts, another script, or no letters. */
    static @Nullable Script ofLetters(String lower) {
        boolean latin = false;
        boolean cyrillic = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z') {
                latin = true;
            } else if (CYRILLIC_LETTERS.indexOf(c) >= 0) {
                cyrillic = true;
            } else if (Character.isLetter(c)) {
                return null;
            }
        }
        return latin == cyrillic ? null : latin ? LATIN : CYRILLIC;
    }
}
