package dev.silkway.storefront.catalogue;

import dev.silkway.platform.translation.Glossary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The commerce glossary ({@code glossary_terms}: one term in Chinese, Russian and English, edited by
 * admins) as search synonyms: a query word that is a term is also searched as the term's other
 * languages ("кроссовки" → "运动鞋", "sneakers"). Read through the translator's {@link Glossary} (the same terms
 * are sent with every translation request) and cached like the category tree.
 */
@Component
class GlossarySynonyms {

    private static final int MAX_READINGS = 4;

    private final Glossary glossary;
    private final CatalogueProperties properties;
    private volatile @Nullable Snapshot snapshot;

    GlossarySynonyms(Glossary glossary, CatalogueProperties properties) {
        this.glossary = glossary;
        this.properties = properties;
    }

    /** The text with one of its words (or the whole text) in another language of the glossary. */
    List<String> readings(String text) {
        Map<String, List<String>> terms = current().terms;
        if (terms.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> readings = new LinkedHashSet<>(terms.getOrDefault(lower, List.of()));
        String[] words = lower.split(" ");
        for (int i = 0; i < words.length && words.length > 1; i++) {
            for (String other : terms.getOrDefault(words[i], List.of())) {
                String[] replaced = words.clone();
                replaced[i] = other;
                readings.add(String.join(" ", replaced));
            }
        }
        return readings.stream().limit(MAX_READINGS).toList();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - current.at < properties.cacheTtl().toNanos()) {
            return current;
        }
        Snapshot fresh = new Snapshot(load(), now);
        snapshot = fresh;
        return fresh;
    }

    private Map<String, List<String>> load() {
        Map<String, List<String>> terms = new HashMap<>();
        for (Glossary.Term term : glossary.terms().terms()) {
            List<String> names = new ArrayList<>(3);
            for (String name : Arrays.asList(term.zh(), term.ru(), term.en())) {
                if (name != null && !name.isBlank()) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
            for (String name : names) {
                List<String> others = terms.computeIfAbsent(name, k -> new ArrayList<>());
                names.stream()
                        .filter(o -> !o.equals(name) && !others.contains(o))
                        .forEach(others::add);
            }
        }
        return Map.copyOf(terms);
    }

    private record Snapshot(Map<String, List<String>> terms, long at) {}
}
