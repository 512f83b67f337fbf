package dev.silkway.elastic.analysis;

import java.io.IOException;
import java.io.Reader;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Parses synonym rules into a map. With {@code lenient}, a rule whose words the analysis chain
 * rejects (a stop word, a token the chain drops) is skipped instead of failing the index, as
 * Elastic's parsers do.
 */
final class SynonymRules {

    private SynonymRules() {}

    static SynonymMap parse(
            Reader rules, String source, Analyzer analyzer, boolean expand, boolean lenient, String format) {
        try (rules) {
            if ("wordnet".equalsIgnoreCase(format)) {
                Wordnet parser = new Wordnet(expand, lenient, analyzer);
                parser.parse(rules);
                return parser.build();
            }
            Solr parser = new Solr(expand, lenient, analyzer);
            parser.parse(rules);
            return parser.build();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("failed to build synonyms from [" + source + "]", e);
        }
    }

    private static boolean accepts(boolean lenient, CharsRef input, CharsRef output) {
        return !lenient || (input.length > 0 && output.length > 0);
    }

    private static final class Solr extends SolrSynonymParser {

        private final boolean lenient;

        Solr(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (accepts(lenient, input, output)) {
                super.add(input, output, includeOrig);
            }
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient) {
                    return new CharsRef("");
                }
                throw e;
            }
        }
    }

    private static final class Wordnet extends WordnetSynonymParser {

        private final boolean lenient;

        Wordnet(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (accepts(lenient, input, output)) {
                super.add(input, output, includeOrig);
            }
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient) {
                    return new CharsRef("");
                }
                throw e;
            }
        }
    }
}
