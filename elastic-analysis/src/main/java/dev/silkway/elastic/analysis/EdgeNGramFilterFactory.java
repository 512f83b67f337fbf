package dev.silkway.elastic.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code edge_ngram}: {@code min_gram} (1), {@code max_gram} (2), {@code preserve_original}
 * (false) and {@code side} (front; back reverses the token around the filter, as Elastic does).
 */
final class EdgeNGramFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;
    private final boolean back;

    EdgeNGramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.minGram = settings.getAsInt("min_gram", 1);
        this.maxGram = settings.getAsInt("max_gram", 2);
        this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
        String side = settings.get("side", "front");
        if (!side.equals("front") && !side.equals("back")) {
            throw new IllegalArgumentException("invalid side: " + side);
        }
        this.back = side.equals("back");
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        TokenStream input = back ? new ReverseStringFilter(tokenStream) : tokenStream;
        TokenStream grams = new EdgeNGramTokenFilter(input, minGram, maxGram, preserveOriginal);
        return back ? new ReverseStringFilter(grams) : grams;
    }

    @Override
    public boolean breaksFastVectorHighlighter() {
        return true;
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name()
                + "] cannot be used to parse synonyms except as part of an explicit synonym filter parameter");
    }
}
