package dev.silkway.elastic.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.tartarus.snowball.ext.RussianStemmer;

/** A token filter without parameters, such as {@code cjk_width} and {@code russian_stem}. */
class FunctionFilterFactory extends AbstractTokenFilterFactory {

    private final UnaryOperator<TokenStream> filter;

    FunctionFilterFactory(String name, UnaryOperator<TokenStream> filter) {
        super(name);
        this.filter = filter;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return filter.apply(tokenStream);
    }

    static FunctionFilterFactory cjkWidth(String name) {
        return new Normalizing(name, CJKWidthFilter::new);
    }

    static FunctionFilterFactory russianStem(String name) {
        return new FunctionFilterFactory(name, input -> new SnowballFilter(input, new RussianStemmer()));
    }

    static FunctionFilterFactory asciiFolding(String name) {
        return new Normalizing(name, input -> new ASCIIFoldingFilter(input, false));
    }

    /** One that also applies in normalizers and to multi-term queries (prefix, wildcard, fuzzy). */
    private static final class Normalizing extends FunctionFilterFactory implements NormalizingTokenFilterFactory {

        Normalizing(String name, UnaryOperator<TokenStream> filter) {
            super(name, filter);
        }
    }
}
