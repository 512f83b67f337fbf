package dev.silkway.elastic.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-text part of a product search: what the shopper typed and its other readings (another
 * keyboard layout, a transliteration), each matched exactly over every language's fields and, for
 * the typed text and the transliteration, with typos forgiven by term length (Elasticsearch's {@code
 * AUTO}: none up to 2 characters, one edit up to 5, two beyond; the first character must be right).
 * Exact matches score above fuzzy ones, the typed text above its other readings, and goods of a
 * category that the text names above the rest (the category intent). A text of more than {@link
 * #MAX_FUZZY_WORDS} words is matched exactly: typos and wrong layouts are a matter of short queries,
 * and fuzzy expansions of a long one would exceed the node's clause limit.
 */
final class TextQueries {

    static final List<String> FIELDS = List.of(
            "titleRu^3",
            "titleEn^3",
            "title^2",
            "brandNames^2",
            "brandNames.zh^2",
            "categoryRu",
            "categoryEn",
            "categoryZh",
            "attributes^0.5",
            "attributes.zh^0.5",
            "attributes.folded^0.5",
            "titleRu.prefix^0.5",
            "titleEn.prefix^0.5",
            "descriptionRu",
            "descriptionEn",
            "description");

    /** Fuzzy matching stays on the word fields of alphabetic scripts: CJK bigrams have no typos worth it. */
    static final List<String> FUZZY_FIELDS =
            List.of("titleRu^3", "titleEn^3", "brandNames^2", "categoryRu", "categoryEn", "attributes.folded^0.5");

    static final List<String> CATEGORY_FIELDS = List.of("categoryRu", "categoryEn", "categoryZh");

    static final int MAX_FUZZY_WORDS = 6;

    private static final float OTHER_READING = 0.8f;
    private static final float FUZZY = 0.3f;
    private static final float CATEGORY_INTENT = 10f;

    private TextQueries() {}

    /** Matches any reading of the text with all its words; goods of a named category first. */
    static Query matching(String text, List<String> otherReadings) {
        boolean fuzzy = words(text) <= MAX_FUZZY_WORDS;
        List<Query> readings = new ArrayList<>();
        readings.add(exact(text, 1f));
        if (fuzzy) {
            readings.add(fuzzy(text));
            for (String reading : otherReadings) {
                readings.add(exact(reading, OTHER_READING));
                readings.add(fuzzy(reading));
            }
        }
        Query intent = namingCategory(text, otherReadings);
        return Query.of(q -> q.bool(b -> b.must(m -> m.disMax(d -> d.queries(readings)))
                .should(s -> s.constantScore(c -> c.filter(intent).boost(CATEGORY_INTENT)))));
    }

    /** The goods whose category (or an ancestor) is named by a word of any reading: the category intent. */
    static Query namingCategory(String text, List<String> otherReadings) {
        boolean fuzzy = words(text) <= MAX_FUZZY_WORDS;
        List<Query> intent = new ArrayList<>();
        intent.add(category(text, fuzzy));
        if (fuzzy) {
            otherReadings.forEach(reading -> intent.add(category(reading, true)));
        }
        return intent.size() == 1
                ? intent.getFirst()
                : Query.of(q -> q.bool(b -> b.should(intent).minimumShouldMatch("1")));
    }

    private static Query exact(String text, float boost) {
        return Query.of(q -> q.multiMatch(m -> m.query(text)
                .fields(FIELDS)
                .type(TextQueryType.BestFields)
                .operator(Operator.And)
                .tieBreaker(0.2)
                .lenient(true)
                .boost(boost)));
    }

    private static Query fuzzy(String text) {
        return Query.of(q -> q.multiMatch(m -> m.query(text)
                .fields(FUZZY_FIELDS)
                .type(TextQueryType.BestFields)
                .operator(Operator.And)
                .fuzziness("AUTO")
                .prefixLength(1)
                .maxExpansions(20)
                .lenient(true)
                .boost(FUZZY)));
    }

    /** A word of the text names the category, typos forgiven as in the text's own match. */
    private static Query category(String text, boolean fuzzy) {
        return Query.of(q -> q.multiMatch(m -> {
            m.query(text)
                    .fields(CATEGORY_FIELDS)
                    .type(TextQueryType.BestFields)
                    .operator(Operator.Or)
                    .lenient(true);
            if (fuzzy) {
                m.fuzziness("AUTO").prefixLength(1).maxExpansions(20);
            }
            return m;
        }));
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
