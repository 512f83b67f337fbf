package dev.silkway.ingestion.marketplace.offer;

/**
 * Rules for free text from a marketplace: at most {@code maxChars} characters and no control characters other than
 * tab, line feed and carriage return.
 */
public record TextPolicy(int maxChars) {

    public static final int DEFAULT_MAX_CHARS = 4000;

    public TextPolicy {
        if (maxChars < 1) {
            throw new IllegalArgumentException("max-text-length must be positive");
        }
    }

    public String check(String field, String value) {
        if (value.length() > maxChars) {
            throw RecordRejected.oversized(field, value.length(), maxChars);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw RecordRejected.controlCharacter(field, c, i);
            }
        }
        return value;
    }
}
