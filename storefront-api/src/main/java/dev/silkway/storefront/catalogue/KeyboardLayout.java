package dev.silkway.storefront.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * The same keys on the Russian (ЙЦУКЕН) and the US (QWERTY) layout: {@code rhjccjdrb} is what
 * "кроссовки" becomes when typed with the wrong layout on, and {@code тшлу} is "nike".
 */
final class KeyboardLayout {

    private static final String LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
    private static final String CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюё";

    private KeyboardLayout() {}

    /**
     * The text as the other layout would have typed it, when every letter of it is on one layout's
     * keys; null for text of both scripts or without letters. Digits, spaces and other signs stay.
     */
    static @Nullable String swapped(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        Script script = Script.ofLetters(lower);
        if (script == null) {
            return null;
        }
        boolean latin = script == Script.LATIN;
        String from = latin ? LATIN : CYRILLIC;
        String to = latin ? CYRILLIC : LATIN;
        StringBuilder swapped = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int key = from.indexOf(c);
            boolean standaloneSign = key >= 0 && !Character.isLetter(c) && !betweenLetters(lower, i);
            swapped.append(key < 0 || standaloneSign ? c : to.charAt(key));
        }
        return swapped.toString();
    }

    /**
     * A sign is a letter on the other layout only as part of a word: {@code [ ] ; ' `} (х ъ ж э ё)
     * next to a letter ("l;bycs" → "джинсы", "yj;" → "нож"), the comma and the full stop (б ю) only
     * between letters, since after a word they are punctuation.
     */
    private static boolean betweenLetters(String text, int i) {
        boolean before = i > 0 && Character.isLetter(text.charAt(i - 1));
        boolean after = i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
        char sign = text.charAt(i);
        return sign == ',' || sign == '.' ? before && after : before || after;
    }
}
