package dev.silkway.elastic.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

/**
 * {@code stemmer_override}: {@code rules} or {@code rules_path}, each rule {@code "a, b => stem"};
 * the matched tokens get that stem and are kept away from the stemmers after it.
 */
final class StemmerOverrideFilterFactory extends AbstractTokenFilterFactory {

    private final StemmerOverrideMap overrides;

    StemmerOverrideFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        List<String> rules = Analysis.getWordList(env, settings, "rules");
        if (rules == null) {
            throw new IllegalArgumentException(
                    "stemmer override filter requires either `rules` or `rules_path` to be configured");
        }
        this.overrides = build(rules);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StemmerOverrideFilter(tokenStream, overrides);
    }

    static StemmerOverrideMap build(List<String> rules) {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String rule : rules) {
            String[] sides = rule.split("=>", -1);
            if (sides.length != 2) {
                throw new IllegalArgumentException("Invalid Keyword override Rule:" + rule);
            }
            String stem = sides[1].trim();
            if (stem.isEmpty() || stem.indexOf(',') >= 0) {
                throw new IllegalArgumentException("Invalid Keyword override Rule:" + rule);
            }
            for (String key : sides[0].split(",", -1)) {
                if (key.isBlank()) {
                    throw new IllegalArgumentException("Invalid Keyword override Rule:" + rule);
                }
                builder.add(key.trim(), stem);
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
