package dev.silkway.elastic.analysis;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredCharFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers, under Elastic's names, what the server alone lacks. Names the server registers itself
 * ({@code stop}, {@code hunspell}, {@code shingle}, the pre-configured {@code lowercase}, the
 * {@code standard} analyzer and tokenizer) are left to it: registering them twice fails the node.
 */
public class SilkwayAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new TreeMap<>();
        analyzers.put("russian", LanguageAnalyzerProvider::russian);
        analyzers.put("english", LanguageAnalyzerProvider::english);
        analyzers.put("cjk", LanguageAnalyzerProvider::cjk);
        return analyzers;
    }

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(
                new PreBuiltAnalyzerProviderFactory("russian", CachingStrategy.LUCENE, RussianAnalyzer::new),
                new PreBuiltAnalyzerProviderFactory("english", CachingStrategy.LUCENE, EnglishAnalyzer::new),
                new PreBuiltAnalyzerProviderFactory("cjk", CachingStrategy.LUCENE, CJKAnalyzer::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("asciifolding", AsciiFoldingFilterFactory::new);
        filters.put("cjk_bigram", CjkBigramFilterFactory::new);
        filters.put("cjk_width", (indexSettings, env, name, settings) -> FunctionFilterFactory.cjkWidth(name));
        filters.put("edge_ngram", EdgeNGramFilterFactory::new);
        filters.put("lowercase", LowerCaseFilterFactory::new);
        filters.put("russian_stem", (indexSettings, env, name, settings) -> FunctionFilterFactory.russianStem(name));
        filters.put("stemmer", StemmerFilterFactory::new);
        filters.put("stemmer_override", requiresAnalysisSettings(StemmerOverrideFilterFactory::new));
        filters.put("synonym", requiresAnalysisSettings(SynonymFilterFactory::flat));
        filters.put("synonym_graph", requiresAnalysisSettings(SynonymFilterFactory::graph));
        filters.put("word_delimiter_graph", WordDelimiterGraphFilterFactory::new);
        return filters;
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return PreConfiguredFilters.all();
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        Map<String, AnalysisProvider<CharFilterFactory>> filters = new TreeMap<>();
        filters.put("html_strip", HtmlStripCharFilterFactory::new);
        filters.put("mapping", requiresAnalysisSettings(MappingCharFilterFactory::new));
        return filters;
    }

    @Override
    public List<PreConfiguredCharFilter> getPreConfiguredCharFilters() {
        return List.of(PreConfiguredCharFilter.singleton("html_strip", false, HTMLStripCharFilter::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("keyword", SimpleTokenizerFactory::keyword);
        tokenizers.put("whitespace", SimpleTokenizerFactory::whitespace);
        return tokenizers;
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return SimpleTokenizerFactory.preConfigured();
    }
}
