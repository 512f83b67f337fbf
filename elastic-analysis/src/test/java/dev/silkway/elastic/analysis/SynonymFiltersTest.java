package dev.silkway.elastic.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymFiltersTest {

    @TempDir
    Path home;

    private TestIndex chain(String type) {
        return TestIndex.in(home)
                .with("filter.syn.type", type)
                .with("analyzer.chain.tokenizer", "standard")
                .withList("analyzer.chain.filter", "lowercase", "syn");
    }

    @Test
    void synonymGraphExpandsInlineRules() {
        TestIndex index = chain("synonym_graph").withList("filter.syn.synonyms", "кеды, сникеры");

        assertThat(index.tokens("chain", "Кеды")).containsExactlyInAnyOrder("кеды", "сникеры");
    }

    @Test
    void synonymGraphMapsOneWayRules() {
        TestIndex index = chain("synonym_graph").withList("filter.syn.synonyms", "айфон => iphone");

        assertThat(index.tokens("chain", "Айфон 15")).containsExactly("iphone", "15");
    }

    @Test
    void synonymGraphWithoutExpandMapsToTheFirstWord() {
        TestIndex index = chain("synonym_graph")
                .withList("filter.syn.synonyms", "кроссовки, кеды, сникеры")
                .with("filter.syn.expand", "false");

        assertThat(index.tokens("chain", "сникеры")).containsExactly("кроссовки");
    }

    @Test
    void synonymGraphReadsRulesFromTheConfigFolder() throws IOException {
        TestIndex index = chain("synonym_graph").with("filter.syn.synonyms_path", "analysis/synonyms.txt");
        Files.createDirectories(index.configDir().resolve("analysis"));
        Files.writeString(index.configDir().resolve("analysis/synonyms.txt"), "# clothes\nпуховик, куртка\n");

        assertThat(index.tokens("chain", "пуховик")).containsExactlyInAnyOrder("пуховик", "куртка");
    }

    @Test
    void synonymRulesAreAnalysedByTheChainBeforeTheFilter() {
        TestIndex index = chain("synonym_graph").withList("filter.syn.synonyms", "ТЕЛЕФОН => смартфон");

        assertThat(index.tokens("chain", "телефон")).containsExactly("смартфон");
    }

    @Test
    void lenientSynonymsSkipRulesThatTheChainCannotAnalyse() {
        TestIndex index = TestIndex.in(home)
                .with("filter.syn.type", "synonym_graph")
                .withList("filter.syn.synonyms", "и => and", "кеды, сникеры")
                .with("filter.syn.lenient", "true")
                .with("filter.ru_stop.type", "stop")
                .with("filter.ru_stop.stopwords", "_russian_")
                .with("analyzer.chain.tokenizer", "standard")
                .withList("analyzer.chain.filter", "lowercase", "ru_stop", "syn");

        assertThat(index.tokens("chain", "кеды")).containsExactlyInAnyOrder("кеды", "сникеры");
    }

    @Test
    void strictSynonymsFailOnRulesThatTheChainCannotAnalyse() {
        TestIndex index = TestIndex.in(home)
                .with("filter.syn.type", "synonym_graph")
                .withList("filter.syn.synonyms", "и => and")
                .with("filter.ru_stop.type", "stop")
                .with("filter.ru_stop.stopwords", "_russian_")
                .with("analyzer.chain.tokenizer", "standard")
                .withList("analyzer.chain.filter", "lowercase", "ru_stop", "syn");

        assertThatThrownBy(index::analyzers).hasMessageContaining("failed to build synonyms");
    }

    @Test
    void synonymFilterExpandsLikeTheGraphOne() {
        TestIndex index = chain("synonym").withList("filter.syn.synonyms", "кеды, сникеры");

        assertThat(index.tokens("chain", "кеды")).containsExactlyInAnyOrder("кеды", "сникеры");
    }

    @Test
    void synonymFilterWithoutRulesIsRejected() {
        assertThatThrownBy(chain("synonym_graph")::analyzers).hasMessageContaining("synonyms_path");
    }
}
