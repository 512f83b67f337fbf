package dev.silkway.platform.translation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code glossary_terms}: Chinese, Russian and English names of one thing. Sent to the provider as glossary pairs
 * (those that occur in the texts of a request) and read by search as synonyms.
 */
public class Glossary {

    /** One term; {@code en} may be missing. */
    public record Term(String zh, String ru, @Nullable String en) {

        @Nullable
        String source(Language language) {
            return switch (language) {
                case ZH -> zh;
                case RU -> ru;
                case EN -> en;
            };
        }
    }

    /** The glossary as stored, with when it last changed. */
    public record Terms(List<Term> terms, @Nullable Instant updatedAt) {}

    private final JdbcClient jdbc;

    Glossary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Terms terms() {
        List<Term> terms = jdbc.sql("SELECT zh, ru, en FROM glossary_terms ORDER BY zh")
                .query(Term.class)
                .list();
        Instant updatedAt = jdbc.sql("SELECT max(updated_at) FROM glossary_terms")
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
                .optional()
                .map(java.time.OffsetDateTime::toInstant)
                .orElse(null);
        return new Terms(terms, updatedAt);
    }

    /** Replaces the whole glossary, in the caller's transaction (which also writes the audit entry). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(List<Term> terms, UUID by) {
        jdbc.sql("DELETE FROM glossary_terms").update();
        for (Term term : terms) {
            jdbc.sql("INSERT INTO glossary_terms (zh, ru, en, updated_by) VALUES (:zh, :ru, :en, :by)")
                    .param("zh", term.zh().strip())
                    .param("ru", term.ru().strip())
                    .param("en", term.en() == null ? null : term.en().strip())
                    .param("by", by)
                    .update();
        }
    }

    /**
     * The pairs for one direction whose source occurs in {@code texts}, longest first, at most {@code max}: a request
     * carries only the terms it needs, within the provider's limit on glossary pairs.
     */
    List<YandexTranslateClient.Pair> pairsFor(List<String> texts, Language source, Language target, int max) {
        String haystack = String.join("\n", texts).toLowerCase(Locale.ROOT);
        return terms().terms().stream()
                .filter(t -> t.source(source) != null && t.source(target) != null)
                .filter(t -> haystack.contains(t.source(source).toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((Term t) -> t.source(source).length())
                        .reversed())
                .limit(max)
                .map(t -> new YandexTranslateClient.Pair(t.source(source), t.source(target)))
                .toList();
    }
}
