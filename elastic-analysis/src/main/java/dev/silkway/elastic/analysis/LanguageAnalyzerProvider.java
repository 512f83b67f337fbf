package dev.silkway.elastic.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

/**
 * The configurable language analyzers ({@code "type": "russian"} and so on) with Elastic's
 * parameters: {@code stopwords} (a list or a named set such as {@code _russian_}),
 * {@code stopwords_path} and, where Lucene supports it, {@code stem_exclusion}.
 */
final class LanguageAnalyzerProvider<T extends Analyzer> extends AbstractIndexAnalyzerProvider<T> {

    private final T analyzer;

    private LanguageAnalyzerProvider(String name, T analyzer) {
        super(name);
        this.analyzer = analyzer;
    }

    @Override
    public T get() {
        return analyzer;
    }

    static LanguageAnalyzerProvider<RussianAnalyzer> russian(
            IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new LanguageAnalyzerProvider<>(
                name,
                new RussianAnalyzer(
                        Analysis.parseStopWords(env, settings, RussianAnalyzer.getDefaultStopSet()),
                        Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)));
    }

    static LanguageAnalyzerProvider<EnglishAnalyzer> english(
            IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new LanguageAnalyzerProvider<>(
                name,
                new EnglishAnalyzer(
                        Analysis.parseStopWords(env, settings, EnglishAnalyzer.getDefaultStopSet()),
                        Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)));
    }

    static LanguageAnalyzerProvider<CJKAnalyzer> cjk(
            IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new LanguageAnalyzerProvider<>(
                name, new CJKAnalyzer(Analysis.parseStopWords(env, settings, CJKAnalyzer.getDefaultStopSet())));
    }
}
