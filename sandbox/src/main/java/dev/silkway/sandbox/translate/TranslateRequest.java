package dev.silkway.sandbox.translate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /translate/v2/translate} as Yandex Cloud Translate v2 defines it. */
record TranslateRequest(
        @Nullable String folderId,
        @Nullable List<String> texts,
        @Nullable String sourceLanguageCode,
        @Nullable String targetLanguageCode,
        @Nullable String format,
        @Nullable GlossaryConfig glossaryConfig) {

    record GlossaryConfig(@Nullable GlossaryData glossaryData) {}

    record GlossaryData(@Nullable List<GlossaryPair> glossaryPairs) {}

    record GlossaryPair(
            @Nullable String sourceText,
            @Nullable String translatedText,
            @Nullable Boolean exact) {}

    List<GlossaryPair> pairs() {
        if (glossaryConfig == null
                || glossaryConfig.glossaryData() == null
                || glossaryConfig.glossaryData().glossaryPairs() == null) {
            return List.of();
        }
        return glossaryConfig.glossaryData().glossaryPairs();
    }

    long characters() {
        return texts == null
                ? 0
                : texts.stream().mapToLong(t -> t == null ? 0 : t.length()).sum();
    }
}
