package dev.silkway.storefront.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commerce glossary ({@code glossary_terms}: one term in Chinese, Russian and English, edited by
 * admins) as search synonyms: a query word that is a term is also searched as the term's other
 * languages ("кроссовки" → "运动鞋", "sneakers"). Cached like the category tree; while the table
 * does not exist (it comes with the translation feature) there are no synonyms.
 */
@Component
class Glossary {

    private static final int MAX_READINGS = 4;

    private final JdbcClient jdbc;
    private final CatalogueProperties properties;
    private volatile @Nullable Snapshot snapshot;

    Glossary(JdbcClient jdbc, CatalogueProperties properties) {
        this.jdbc = jdbc;
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
        boolean exists = jdbc.sql("SELECT to_regclass('glossary_terms') IS NOT NULL")
                .query(Boolean.class)
                .single();
        if (!exists) {
            return Map.of();
        }
        Map<String, List<String>> terms = new HashMap<>();
        jdbc.sql("SELECT zh, ru, en FROM glossary_terms")
                .query((rs, n) -> {
                    List<String> names = new ArrayList<>(3);
                    for (String column : List.of("zh", "ru", "en")) {
                        String name = rs.getString(column);
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
                    return names;
                })
                .list();
        return Map.copyOf(terms);
    }

    private record Snapshot(Map<String, List<String>> terms, long at) {}
}
