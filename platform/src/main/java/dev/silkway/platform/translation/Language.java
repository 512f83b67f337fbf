package dev.silkway.platform.translation;

/** The languages the catalogue is translated between, with their ISO 639-1 codes as the provider names them. */
public enum Language {
    ZH("zh"),
    RU("ru"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Chinese if the text has any Han character, English otherwise (the catalogue has no other source script). */
    public static Language ofSource(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? ZH : EN;
    }
}
