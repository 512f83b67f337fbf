package dev.silkway.elastic.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * The configurable {@code lowercase} filter: {@code language} (greek, irish, turkish). The server
 * itself only has the pre-configured one without parameters.
 */
final class LowerCaseFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final String language;

    LowerCaseFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.language = settings.get("language");
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (language == null) {
            return new LowerCaseFilter(tokenStream);
        }
        return switch (language.toLowerCase(java.util.Locale.ROOT)) {
            case "greek" -> new GreekLowerCaseFilter(tokenStream);
            case "irish" -> new IrishLowerCaseFilter(tokenStream);
            case "turkish" -> new TurkishLowerCaseFilter(tokenStream);
            default -> throw new IllegalArgumentException("language [" + language + "] not support for lower case");
        };
    }
}
