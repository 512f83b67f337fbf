package dev.silkway.elastic.analysis;

import java.util.List;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The filters that an analyzer may name without defining them ({@code "filter": ["asciifolding"]}),
 * with Elastic's defaults for each.
 */
final class PreConfiguredFilters {

    private static final int WORD_DELIMITER_DEFAULTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private PreConfiguredFilters() {}

    static List<PreConfiguredTokenFilter> all() {
        return List.of(
                PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
                PreConfiguredTokenFilter.singleton("cjk_bigram", false, CJKBigramFilter::new),
                PreConfiguredTokenFilter.singleton("cjk_width", true, CJKWidthFilter::new),
                PreConfiguredTokenFilter.singleton(
                        "edge_ngram", false, false, input -> new EdgeNGramTokenFilter(input, 1)),
                PreConfiguredTokenFilter.singleton(
                        "russian_stem", false, input -> new SnowballFilter(input, new RussianStemmer())),
                PreConfiguredTokenFilter.singleton("stemmer", false, PorterStemFilter::new),
                PreConfiguredTokenFilter.singleton(
                        "stop", false, input -> new StopFilter(input, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)),
                PreConfiguredTokenFilter.singleton(
                        "word_delimiter_graph",
                        false,
                        false,
                        input -> new WordDelimiterGraphFilter(
                                input,
                                true,
                                WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                                WORD_DELIMITER_DEFAULTS,
                                null)));
    }
}
