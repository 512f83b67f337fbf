package dev.silkway.elastic.analysis;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_ALL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_NUMBERS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_WORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.IGNORE_KEYWORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code word_delimiter_graph} with Elastic's flags and defaults, {@code protected_words(_path)},
 * {@code type_table(_path)} and {@code adjust_offsets}: splits "PowerShot-500" into "Power",
 * "Shot", "500".
 */
final class WordDelimiterGraphFilterFactory extends AbstractTokenFilterFactory {

    private final byte[] typeTable;
    private final int flags;
    private final CharArraySet protectedWords;
    private final boolean adjustOffsets;

    WordDelimiterGraphFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        List<String> types = Analysis.getWordList(env, settings, "type_table");
        this.typeTable = types == null ? WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE : TypeTable.parse(types);
        this.flags = flag(settings, "generate_word_parts", true, GENERATE_WORD_PARTS)
                | flag(settings, "generate_number_parts", true, GENERATE_NUMBER_PARTS)
                | flag(settings, "catenate_words", false, CATENATE_WORDS)
                | flag(settings, "catenate_numbers", false, CATENATE_NUMBERS)
                | flag(settings, "catenate_all", false, CATENATE_ALL)
                | flag(settings, "split_on_case_change", true, SPLIT_ON_CASE_CHANGE)
                | flag(settings, "preserve_original", false, PRESERVE_ORIGINAL)
                | flag(settings, "split_on_numerics", true, SPLIT_ON_NUMERICS)
                | flag(settings, "stem_english_possessive", true, STEM_ENGLISH_POSSESSIVE)
                | flag(settings, "ignore_keywords", false, IGNORE_KEYWORDS);
        Set<?> words = Analysis.getWordSet(env, settings, "protected_words");
        this.protectedWords = words == null ? null : CharArraySet.copy(words);
        this.adjustOffsets = settings.getAsBoolean("adjust_offsets", true);
    }

    private static int flag(Settings settings, String key, boolean byDefault, int flag) {
        return settings.getAsBoolean(key, byDefault) ? flag : 0;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new WordDelimiterGraphFilter(tokenStream, adjustOffsets, typeTable, flags, protectedWords);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name()
                + "] cannot be used to parse synonyms except as part of an explicit synonym filter parameter");
    }
}
