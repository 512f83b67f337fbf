package dev.silkway.elastic.analysis;

import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;

/** The {@code keyword} ({@code buffer_size}) and {@code whitespace} ({@code max_token_length}) tokenizers. */
final class SimpleTokenizerFactory extends AbstractTokenizerFactory {

    private final Supplier<Tokenizer> tokenizer;

    private SimpleTokenizerFactory(String name, Supplier<Tokenizer> tokenizer) {
        super(name);
        this.tokenizer = tokenizer;
    }

    @Override
    public Tokenizer create() {
        return tokenizer.get();
    }

    static SimpleTokenizerFactory keyword(
            IndexSettings indexSettings, Environment env, String name, Settings settings) {
        int bufferSize = settings.getAsInt("buffer_size", KeywordTokenizer.DEFAULT_BUFFER_SIZE);
        return new SimpleTokenizerFactory(name, () -> new KeywordTokenizer(bufferSize));
    }

    static SimpleTokenizerFactory whitespace(
            IndexSettings indexSettings, Environment env, String name, Settings settings) {
        int maxTokenLength = settings.getAsInt("max_token_length", 255);
        return new SimpleTokenizerFactory(name, () -> new WhitespaceTokenizer(maxTokenLength));
    }

    static List<PreConfiguredTokenizer> preConfigured() {
        return List.of(
                PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new),
                PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new));
    }
}
