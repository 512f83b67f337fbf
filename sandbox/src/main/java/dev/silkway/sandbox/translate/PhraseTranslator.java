package dev.silkway.sandbox.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a text phrase by phrase: at each position the longest phrase known to the glossary or the dictionary
 * is replaced (the glossary first); Chinese is matched character by character, other scripts on word boundaries.
 * What no table knows is kept as it is (digits, model numbers, unknown words), as a real engine keeps names.
 */
final class PhraseTranslator {

    private static final int LONGEST_PHRASE = 16;

    private final Map<String, String> phrases;

    PhraseTranslator(Map<String, String> dictionary, Map<String, String> glossary) {
        this.phrases = new HashMap<>(dictionary);
        glossary.forEach((source, target) -> phrases.put(CommerceDictionary.key(source), target));
    }

    String translate(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int matched = longestMatch(text, i);
            if (matched > 0) {
                String target = phrases.get(CommerceDictionary.key(text.substring(i, i + matched)));
                if (!target.isBlank()) {
                    out.add(target);
                }
                i += matched;
            } else if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else {
                int end = unknownEnd(text, i);
                out.add(punctuation(text.substring(i, end)));
                i = end;
            }
        }
        return join(out);
    }

    /** The length of the longest known phrase at {@code start}, 0 if none. */
    private int longestMatch(String text, int start) {
        int max = Math.min(text.length(), start + LONGEST_PHRASE);
        for (int end = max; end > start; end--) {
            if (phrases.containsKey(CommerceDictionary.key(text.substring(start, end))) && boundary(text, start, end)) {
                return end - start;
            }
        }
        return 0;
    }

    /** Latin and Cyrillic phrases must be whole words; Chinese has no word boundaries. */
    private static boolean boundary(String text, int start, int end) {
        boolean letterBefore = start > 0 && wordChar(text.charAt(start - 1)) && wordChar(text.charAt(start));
        boolean letterAfter = end < text.length() && wordChar(text.charAt(end)) && wordChar(text.charAt(end - 1));
        return !letterBefore && !letterAfter;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) && !han(c);
    }

    private static int unknownEnd(String text, int start) {
        char first = text.charAt(start);
        if (han(first) || !Character.isLetterOrDigit(first)) {
            return start + 1;
        }
        int end = start;
        while (end < text.length() && wordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String punctuation(String token) {
        return switch (token) {
            case "，", "、" -> ",";
            case "。" -> ".";
            case "！" -> "!";
            case "（" -> "(";
            case "）" -> ")";
            case "：" -> ":";
            default -> token;
        };
    }

    /** Words separated by single spaces, no space before closing punctuation or after an opening bracket. */
    private static String join(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            boolean closing = token.length() == 1 && ",.!:;)".contains(token);
            boolean afterOpening = !text.isEmpty() && text.charAt(text.length() - 1) == '(';
            if (!text.isEmpty() && !closing && !afterOpening) {
                text.append(' ');
            }
            text.append(token);
        }
        return text.toString();
    }
}
