package dev.silkway.platform.translation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates texts through the translation memory first; only what it does not know goes to the provider, in
 * requests of at most {@code max-characters-per-request} characters each taken from the daily budget, with the
 * glossary pairs the request's texts need. Never throws for the provider's sake: what could not be translated is
 * reported in {@link Translations#shortfall()} and the caller keeps the original text meanwhile.
 */
public class Translator {

    private static final Logger log = LoggerFactory.getLogger(Translator.class);

    private final TranslationProperties properties;
    private final TranslationMemory memory;
    private final CharacterBudget budget;
    private final Glossary glossary;
    private final YandexTranslateClient client;

    Translator(
            TranslationProperties properties,
            TranslationMemory memory,
            CharacterBudget budget,
            Glossary glossary,
            YandexTranslateClient client) {
        this.properties = properties;
        this.memory = memory;
        this.budget = budget;
        this.glossary = glossary;
        this.client = client;
    }

    public Translations translate(Collection<String> texts, Language source, Language target) {
        Set<String> wanted = new LinkedHashSet<>();
        texts.stream().filter(t -> !t.isBlank()).forEach(wanted::add);
        Map<String, String> translated = new HashMap<>(memory.recall(wanted, source, target));
        List<String> missing =
                wanted.stream().filter(t -> !translated.containsKey(t)).toList();
        if (missing.isEmpty()) {
            return new Translations(translated, 0, null);
        }
        if (!properties.enabled()) {
            return new Translations(
                    translated,
                    0,
                    new Translations.Shortfall(
                            Translations.Reason.DISABLED,
                            "translation is disabled (silkway.translation.enabled=false)"));
        }
        int fromProvider = 0;
        Translations.Shortfall shortfall = null;
        for (List<String> batch : batches(missing)) {
            if (batch.getFirst().length() > properties.maxCharactersPerRequest()) {
                shortfall = new Translations.Shortfall(
                        Translations.Reason.TEXT_TOO_LONG,
                        "a text of " + batch.getFirst().length() + " characters exceeds one request's limit of "
                                + properties.maxCharactersPerRequest());
                continue;
            }
            if (!budget.take(characters(batch))) {
                shortfall = new Translations.Shortfall(Translations.Reason.BUDGET_EXHAUSTED, budget.message());
                break;
            }
            try {
                List<String> answers = client.translate(
                        batch, source, target, glossary.pairsFor(batch, source, target, properties.maxGlossaryPairs()));
                Map<String, String> learnt = new HashMap<>();
                for (int i = 0; i < batch.size(); i++) {
                    learnt.put(batch.get(i), answers.get(i));
                }
                memory.remember(learnt, source, target, properties.provider());
                translated.putAll(learnt);
                fromProvider += batch.size();
            } catch (TranslationFailed e) {
                log.warn(
                        "Translation {}→{} of {} texts failed: {}",
                        source.code(),
                        target.code(),
                        batch.size(),
                        e.getMessage());
                shortfall = new Translations.Shortfall(Translations.Reason.PROVIDER_FAILED, e.getMessage());
                break;
            }
        }
        return new Translations(translated, fromProvider, shortfall);
    }

    /** Texts in request-sized groups, in order; a text longer than one request's limit is a group of its own. */
    private List<List<String>> batches(List<String> texts) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long size = 0;
        for (String text : texts) {
            if (!current.isEmpty() && size + text.length() > properties.maxCharactersPerRequest()) {
                batches.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(text);
            size += text.length();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static long characters(List<String> texts) {
        return texts.stream().mapToLong(String::length).sum();
    }
}
