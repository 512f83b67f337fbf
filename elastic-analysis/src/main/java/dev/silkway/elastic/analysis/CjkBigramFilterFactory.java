package dev.silkway.elastic.analysis;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.lucene.analysis.miscellaneous.DisableGraphAttribute;

/**
 * {@code cjk_bigram}: {@code ignored_scripts} (any of han, hiragana, katakana, hangul; none by
 * default) and {@code output_unigrams} (false).
 */
final class CjkBigramFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, Integer> SCRIPTS = Map.of(
            "han", CJKBigramFilter.HAN,
            "hiragana", CJKBigramFilter.HIRAGANA,
            "katakana", CJKBigramFilter.KATAKANA,
            "hangul", CJKBigramFilter.HANGUL);

    private final int flags;
    private final boolean outputUnigrams;

    CjkBigramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.outputUnigrams = settings.getAsBoolean("output_unigrams", false);
        List<String> ignored = settings.getAsList("ignored_scripts");
        int scripts = 0;
        for (Map.Entry<String, Integer> script : SCRIPTS.entrySet()) {
            if (!ignored.contains(script.getKey())) {
                scripts |= script.getValue();
            }
        }
        this.flags = scripts;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        CJKBigramFilter filter = new CJKBigramFilter(tokenStream, flags, outputUnigrams);
        if (outputUnigrams) {
            // Unigrams and bigrams overlap: a graph over them would explode, as on a real cluster.
            filter.addAttribute(DisableGraphAttribute.class);
        }
        return filter;
    }
}
