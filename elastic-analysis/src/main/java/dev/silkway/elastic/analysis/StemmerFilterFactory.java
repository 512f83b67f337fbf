package dev.silkway.elastic.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * {@code stemmer}: {@code language} (or its older name {@code name}; porter by default), with
 * Elastic's names for the Russian and English stemmers. Other languages fail when the index is
 * created, naming the language, rather than stemming differently from a real cluster.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.ofEntries(
            Map.entry("russian", input -> new SnowballFilter(input, new RussianStemmer())),
            Map.entry("light_russian", RussianLightStemFilter::new),
            Map.entry("lightrussian", RussianLightStemFilter::new),
            Map.entry("english", PorterStemFilter::new),
            Map.entry("porter", PorterStemFilter::new),
            Map.entry("porter2", input -> new SnowballFilter(input, new EnglishStemmer())),
            Map.entry("light_english", KStemFilter::new),
            Map.entry("lightenglish", KStemFilter::new),
            Map.entry("kstem", KStemFilter::new),
            Map.entry("minimal_english", EnglishMinimalStemFilter::new),
            Map.entry("minimalenglish", EnglishMinimalStemFilter::new),
            Map.entry("possessive_english", EnglishPossessiveFilter::new),
            Map.entry("possessiveenglish", EnglishPossessiveFilter::new));

    private final UnaryOperator<TokenStream> stemmer;

    StemmerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        String language = settings.get("language", settings.get("name", "porter"));
        this.stemmer = STEMMERS.get(language.toLowerCase(Locale.ROOT));
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer language [" + language
                    + "] is not available on the local node (silkway-analysis has " + STEMMERS.keySet() + ")");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
