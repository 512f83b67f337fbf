package dev.silkway.elastic.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import dev.silkway.elastic.testnode.Analyze;
import dev.silkway.elastic.testnode.TestNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Elastic's analysis names on the local node analyse as a real cluster does. */
class AnalysisOnTheNodeIT {

    private static final String INDEX = "analysis-it";

    private final ElasticsearchClient client = TestNode.client();

    @AfterEach
    void deleteIndex() throws IOException {
        if (client.indices().exists(r -> r.index(INDEX)).value()) {
            client.indices().delete(r -> r.index(INDEX));
        }
    }

    @Test
    void russianAnalyzerStemsCaseFormsToOneToken() {
        assertThat(Analyze.tokens(client, "russian", "кроссовками"))
                .isEqualTo(Analyze.tokens(client, "russian", "кроссовка"))
                .isEqualTo(Analyze.tokens(client, "russian", "кроссовки"))
                .containsExactly("кроссовк");
    }

    @Test
    void cjkAnalyzerBigramsChinese() {
        assertThat(Analyze.tokens(client, "cjk", "耐克运动鞋男款")).containsExactly("耐克", "克运", "运动", "动鞋", "鞋男", "男款");
    }

    @Test
    void englishAnalyzerStems() {
        assertThat(Analyze.tokens(client, "english", "Running shoes for women"))
                .containsExactly("run", "shoe", "women");
    }

    @Test
    void asciifoldingFoldsAccents() {
        assertThat(Analyze.tokens(
                        client,
                        r -> r.tokenizer(t -> t.name("standard"))
                                .filter(f -> f.name("lowercase"))
                                .filter(f -> f.name("asciifolding"))
                                .text("Crème Brûlée")))
                .containsExactly("creme", "brulee");
    }

    @Test
    void inlineSynonymGraphExpandsAQuery() throws IOException {
        client.indices().create(r -> r.index(INDEX).withJson(new StringReader("""
                {"settings": {"analysis": {
                  "filter": {"syn": {"type": "synonym_graph", "synonyms": ["кеды, сникеры"]}},
                  "analyzer": {"search": {"tokenizer": "standard", "filter": ["lowercase", "syn"]}}}}}
                """)));

        assertThat(Analyze.tokens(client, r -> r.index(INDEX).analyzer("search").text("Кеды")))
                .containsExactlyInAnyOrder("кеды", "сникеры");
    }

    @Test
    void synonymGraphReadsRulesFromTheConfigFolder() throws IOException {
        Files.createDirectories(TestNode.node().configDir().resolve("analysis"));
        Files.writeString(TestNode.node().configDir().resolve("analysis/it-synonyms.txt"), "худи, толстовка\n");
        client.indices().create(r -> r.index(INDEX).withJson(new StringReader("""
                {"settings": {"analysis": {
                  "filter": {"syn": {"type": "synonym_graph", "synonyms_path": "analysis/it-synonyms.txt"}},
                  "analyzer": {"search": {"tokenizer": "standard", "filter": ["lowercase", "syn"]}}}}}
                """)));

        assertThat(Analyze.tokens(client, r -> r.index(INDEX).analyzer("search").text("худи")))
                .containsExactlyInAnyOrder("худи", "толстовка");
    }

    /**
     * Hunspell with Debian's {@code hunspell-ru} ({@code /usr/share/hunspell/ru_RU.{aff,dic}}) in the
     * node's {@code config/hunspell/ru_RU/}, as a real cluster would have it: the genitive plurals
     * that Snowball misses come back to the dictionary form, for words nobody listed too. Skipped
     * where the package is not installed.
     */
    @Test
    void hunspellWithDebiansRussianDictionaryFindsTheDictionaryFormOfGenitivePlurals() throws IOException {
        Path debian = Path.of("/usr/share/hunspell");
        assumeTrue(Files.isReadable(debian.resolve("ru_RU.dic")), "hunspell-ru is not installed");
        Path dictionary = TestNode.node().configDir().resolve("hunspell/ru_RU");
        Files.createDirectories(dictionary);
        for (String file : List.of("ru_RU.aff", "ru_RU.dic")) {
            Files.copy(debian.resolve(file), dictionary.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        client.indices().create(r -> r.index(INDEX).withJson(new StringReader("""
                {"settings": {"analysis": {
                  "filter": {"ru_hunspell": {"type": "hunspell", "locale": "ru_RU", "dedup": true}},
                  "analyzer": {"ru": {"tokenizer": "standard", "filter": ["lowercase", "ru_hunspell"]}}}}}
                """)));

        for (String[] forms : List.of(
                new String[] {"кроссовок", "кроссовка"},
                new String[] {"курток", "куртка"},
                new String[] {"бутылок", "бутылка"},
                new String[] {"сережек", "сережка"})) {
            assertThat(Analyze.tokens(client, r -> r.index(INDEX).analyzer("ru").text(forms[0])))
                    .as(forms[0])
                    .contains(forms[1]);
        }
    }

    @Test
    void matchQueryOnACjkFieldFindsAChineseTitleByAWordInside() throws IOException {
        client.indices().create(r -> r.index(INDEX).withJson(new StringReader("""
                {"mappings": {"properties": {"title": {"type": "text", "analyzer": "cjk"}}}}
                """)));
        client.index(r -> r.index(INDEX).id("1").document(Map.of("title", "耐克运动鞋男款")));
        client.index(r -> r.index(INDEX).id("2").document(Map.of("title", "阿迪达斯T恤")));
        client.indices().refresh(r -> r.index(INDEX));

        SearchResponse<JsonData> found = client.search(
                r -> r.index(INDEX).query(q -> q.match(m -> m.field("title").query("运动鞋"))), JsonData.class);

        assertThat(found.hits().hits()).extracting(hit -> hit.id()).containsExactly("1");
    }
}
