package dev.silkway.platform.translation;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Translator#translate} call gave: the translation of each text it could translate (from the memory
 * or the provider), how many came from the provider, and why the others were not translated, if any were not.
 */
public record Translations(
        Map<String, String> translated,
        int fromProvider,
        @Nullable Shortfall shortfall) {

    /** Why some texts are left untranslated; {@code message} is for the operator. */
    public record Shortfall(Reason reason, String message) {}

    public enum Reason {
        BUDGET_EXHAUSTED,
        PROVIDER_FAILED,
        TEXT_TOO_LONG,
        DISABLED
    }

    public @Nullable String of(String text) {
        return translated.get(text);
    }
}
