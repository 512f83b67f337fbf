package dev.silkway.ingestion.feed;

import java.util.Arrays;

/**
 * The shape of a JSON text found in one pass over its characters, without building it: how deep it nests, the most
 * elements of one array or members of one object, and how many values (member names included) it holds. Measured before a text is parsed or
 * mapped, so that a hostile record or answer is refused before it can cost a deep recursion or a large tree. A
 * malformed text is measured as far as it goes; the parser rejects it afterwards.
 */
public record JsonShape(int depth, int widest, long values) {

    /** Widths are tracked this deep at most: a text nesting deeper is refused for its depth anyway. */
    private static final int MAX_TRACKED_DEPTH = 4096;

    public static JsonShape of(CharSequence json) {
        int depth = 0;
        int deepest = 0;
        int widest = 0;
        long values = 0;
        int[] width = new int[64];
        boolean inString = false;
        boolean escaped = false;
        boolean inScalar = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            boolean scalar = c == '-' || c == '+' || c == '.' || Character.isLetterOrDigit(c);
            if (scalar && !inScalar) {
                values++;
            }
            inScalar = scalar;
            switch (c) {
                case '"' -> {
                    values++;
                    inString = true;
                }
                case '{', '[' -> {
                    values++;
                    depth++;
                    deepest = Math.max(deepest, depth);
                    if (depth >= width.length && width.length < MAX_TRACKED_DEPTH) {
                        width = Arrays.copyOf(width, width.length * 2);
                    }
                    if (depth < width.length) {
                        width[depth] = 1;
                    }
                }
                case '}', ']' -> depth = Math.max(0, depth - 1);
                case ',' -> {
                    if (depth > 0 && depth < width.length) {
                        widest = Math.max(widest, ++width[depth]);
                    }
                }
                default -> {}
            }
        }
        return new JsonShape(deepest, Math.max(widest, deepest > 0 ? 1 : 0), values);
    }
}
