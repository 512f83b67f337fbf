package dev.silkway.elastic.analysis;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersions;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * {@code synonym_graph} and {@code synonym}: rules from {@code synonyms} (inline) or
 * {@code synonyms_path} (relative to the config folder), in {@code format} solr (default) or
 * wordnet, with {@code expand} (true), {@code lenient} and {@code updateable} (search time only).
 * The rules are analysed by the chain before the filter, as on a real cluster. The synonyms API
 * ({@code synonyms_set}) needs the .synonyms system index, which the local node does not have.
 */
final class SynonymFilterFactory extends AbstractTokenFilterFactory {

    private final boolean graph;
    private final Environment env;
    private final Settings settings;
    private final boolean expand;
    private final boolean lenient;
    private final String format;
    private final AnalysisMode analysisMode;

    private SynonymFilterFactory(
            boolean graph, IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.graph = graph;
        this.env = env;
        this.settings = settings;
        this.expand = settings.getAsBoolean("expand", true);
        this.format = settings.get("format", "");
        boolean updateable = settings.getAsBoolean("updateable", false);
        this.lenient = settings.getAsBoolean(
                "lenient",
                updateable
                        && indexSettings.getIndexVersionCreated().onOrAfter(IndexVersions.LENIENT_UPDATEABLE_SYNONYMS));
        this.analysisMode = updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        rulesSource();
    }

    static SynonymFilterFactory graph(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new SynonymFilterFactory(true, indexSettings, env, name, settings);
    }

    static SynonymFilterFactory flat(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new SynonymFilterFactory(false, indexSettings, env, name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException(
                "Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters) {
        Analyzer analyzer = new CustomAnalyzer(
                tokenizer,
                charFilters.toArray(CharFilterFactory[]::new),
                previousTokenFilters.stream()
                        .map(TokenFilterFactory::getSynonymFilter)
                        .toArray(TokenFilterFactory[]::new));
        String source = rulesSource();
        SynonymMap synonyms = SynonymRules.parse(rules(source), source, analyzer, expand, lenient, format);
        return new Chained(name(), synonyms, graph, analysisMode);
    }

    private String rulesSource() {
        if (settings.hasValue("synonyms")) {
            return "'" + name() + "' analyzer settings";
        }
        if (settings.hasValue("synonyms_set")) {
            throw new IllegalArgumentException(
                    "[synonyms_set] needs the synonyms API, which the local node does not have: use [synonyms] or [synonyms_path]");
        }
        if (settings.hasValue("synonyms_path")) {
            return settings.get("synonyms_path");
        }
        throw new IllegalArgumentException(
                "synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
    }

    private Reader rules(String source) {
        if (settings.hasValue("synonyms")) {
            return new StringReader(
                    String.join(System.lineSeparator(), Analysis.getWordList(env, settings, "synonyms")));
        }
        return Analysis.getReaderFromFile(env, source, "synonyms");
    }

    /** The filter specialised for one analysis chain. */
    private record Chained(String name, SynonymMap synonyms, boolean graph, AnalysisMode analysisMode)
            implements TokenFilterFactory {

        @Override
        public TokenStream create(TokenStream tokenStream) {
            if (synonyms.fst == null) {
                return tokenStream;
            }
            return graph
                    ? new SynonymGraphFilter(tokenStream, synonyms, false)
                    : new SynonymFilter(tokenStream, synonyms, false);
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            // A later synonym filter must not expand its rules through this one.
            return IDENTITY_FILTER;
        }

        @Override
        public AnalysisMode getAnalysisMode() {
            return analysisMode;
        }
    }
}
