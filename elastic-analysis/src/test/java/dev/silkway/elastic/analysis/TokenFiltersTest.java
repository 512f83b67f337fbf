package dev.silkway.elastic.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFiltersTest {

    @TempDir
    Path home;

    private TestIndex chain(String... filters) {
        return TestIndex.in(home)
                .with("analyzer.chain.tokenizer", "standard")
                .withList("analyzer.chain.filter", filters);
    }

    @Test
    void asciifoldingFoldsAccents() {
        assertThat(chain("lowercase", "asciifolding").tokens("chain", "Café Crème"))
                .containsExactly("cafe", "creme");
    }

    @Test
    void asciifoldingKeepsTheOriginalWhenAsked() {
        TestIndex index = chain("lowercase", "folding")
                .with("filter.folding.type", "asciifolding")
                .with("filter.folding.preserve_original", "true");

        assertThat(index.tokens("chain", "Café")).containsExactly("cafe", "café");
    }

    @Test
    void edgeNgramEmitsPrefixesWithinItsBounds() {
        TestIndex index = chain("lowercase", "prefixes")
                .with("filter.prefixes.type", "edge_ngram")
                .with("filter.prefixes.min_gram", "2")
                .with("filter.prefixes.max_gram", "4");

        assertThat(index.tokens("chain", "Кеды")).containsExactly("ке", "кед", "кеды");
    }

    @Test
    void preConfiguredEdgeNgramEmitsOneLetterPrefixes() {
        assertThat(chain("edge_ngram").tokens("chain", "abc")).containsExactly("a");
    }

    @Test
    void stemmerTakesElasticsLanguageNames() {
        TestIndex index = chain("lowercase", "ru", "light_en")
                .with("filter.ru.type", "stemmer")
                .with("filter.ru.language", "russian")
                .with("filter.light_en.type", "stemmer")
                .with("filter.light_en.language", "light_english");

        assertThat(index.tokens("chain", "кроссовками sneakers")).containsExactly("кроссовк", "sneaker");
    }

    @Test
    void stemmerRejectsALanguageItDoesNotHave() {
        TestIndex index = chain("de").with("filter.de.type", "stemmer").with("filter.de.language", "german");

        assertThatThrownBy(index::analyzers).hasMessageContaining("german");
    }

    @Test
    void stemmerOverrideGivesIrregularFormsTheStemOfTheirWord() {
        TestIndex index = chain("lowercase", "forms", "russian_stem")
                .with("filter.forms.type", "stemmer_override")
                .withList("filter.forms.rules", "кроссовок => кроссовк", "курток, куртками => куртк");

        assertThat(index.tokens("chain", "кроссовок курток куртка")).containsExactly("кроссовк", "куртк", "куртк");
    }

    @Test
    void russianStopWordsComeFromTheServersStopFilter() {
        TestIndex index = chain("lowercase", "ru_stop")
                .with("filter.ru_stop.type", "stop")
                .with("filter.ru_stop.stopwords", "_russian_");

        assertThat(index.tokens("chain", "куртка для зимы")).containsExactly("куртка", "зимы");
    }

    @Test
    void cjkWidthAndBigramWorkInACustomChain() {
        TestIndex index = TestIndex.in(home)
                .with("analyzer.zh.tokenizer", "standard")
                .withList("analyzer.zh.filter", "cjk_width", "lowercase", "cjk_bigram");

        assertThat(index.tokens("zh", "耐克ＡＩＲ")).containsExactly("耐克", "air");
    }

    @Test
    void cjkBigramLeavesIgnoredScriptsAsUnigrams() {
        TestIndex index = chain("han_alone")
                .with("filter.han_alone.type", "cjk_bigram")
                .withList("filter.han_alone.ignored_scripts", "han");

        assertThat(index.tokens("chain", "运动鞋")).containsExactly("运", "动", "鞋");
    }

    @Test
    void wordDelimiterGraphSplitsModelNames() {
        assertThat(chain("word_delimiter_graph").tokens("chain", "PowerShot-500"))
                .containsExactly("Power", "Shot", "500");
    }

    @Test
    void wordDelimiterGraphHonoursItsTypeTable() {
        TestIndex index = TestIndex.in(home)
                .with("filter.wdg.type", "word_delimiter_graph")
                .withList("filter.wdg.type_table", "- => ALPHA")
                .with("analyzer.chain.tokenizer", "whitespace")
                .withList("analyzer.chain.filter", "wdg");

        assertThat(index.tokens("chain", "wi-fi PowerShot")).containsExactly("wi-fi", "Power", "Shot");
    }

    @Test
    void mappingCharFilterFoldsYoToYe() {
        TestIndex index = TestIndex.in(home)
                .with("char_filter.yo.type", "mapping")
                .withList("char_filter.yo.mappings", "ё => е", "Ё => Е")
                .with("analyzer.chain.tokenizer", "standard")
                .withList("analyzer.chain.char_filter", "yo", "html_strip")
                .withList("analyzer.chain.filter", "lowercase");

        assertThat(index.tokens("chain", "<b>Ёлочная</b> игрушка")).containsExactly("елочная", "игрушка");
    }

    @Test
    void keywordTokenizerKeepsTheWholeValue() {
        TestIndex index = TestIndex.in(home)
                .with("analyzer.exact.tokenizer", "keyword")
                .withList("analyzer.exact.filter", "lowercase");

        assertThat(index.tokens("exact", "Nike Air Max")).containsExactly("nike air max");
    }
}
