package dev.silkway.sandbox.catalogue;

import java.util.List;

/** The ways a record is broken on purpose; a platform applies those that its format can carry. */
public enum Malformation {
    NONE,
    MISSING_PRICE,
    NEGATIVE_PRICE,
    NEGATIVE_STOCK,
    WRONG_TYPE,
    BROKEN_NESTED_JSON,
    OVERSIZED_TEXT,
    CONTROL_CHARACTERS,
    DUPLICATE_ID;

    /** The kinds each platform's format can carry (only 1688 sends stock, only Poizon nests JSON per item). */
    public static List<Malformation> applicable(Platform platform) {
        return switch (platform) {
            case ALIBABA_1688 ->
                List.of(
                        MISSING_PRICE,
                        NEGATIVE_PRICE,
                        NEGATIVE_STOCK,
                        WRONG_TYPE,
                        OVERSIZED_TEXT,
                        CONTROL_CHARACTERS,
                        DUPLICATE_ID);
            case POIZON ->
                List.of(
                        MISSING_PRICE,
                        NEGATIVE_PRICE,
                        WRONG_TYPE,
                        BROKEN_NESTED_JSON,
                        OVERSIZED_TEXT,
                        CONTROL_CHARACTERS,
                        DUPLICATE_ID);
            default ->
                List.of(MISSING_PRICE, NEGATIVE_PRICE, WRONG_TYPE, OVERSIZED_TEXT, CONTROL_CHARACTERS, DUPLICATE_ID);
        };
    }

    /** A title that breaks the text rules when the record is meant to. */
    public String title(String title) {
        return switch (this) {
            case OVERSIZED_TEXT -> title + " " + "超长标题".repeat(1500);
            case CONTROL_CHARACTERS -> title.substring(0, Math.min(2, title.length())) + "\u0007\u0000" + title;
            default -> title;
        };
    }
}
