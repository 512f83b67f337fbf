package dev.silkway.elastic.product;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.silkway.elastic.testnode.Analyze;
import dev.silkway.elastic.testnode.TestNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The product index definition on the local node: accepted as is, and searchable in three languages. */
class ProductIndexIT {

    private final ElasticsearchClient client = TestNode.client();
    private final ProductIndex index = new ProductIndex(client);

    @BeforeEach
    void dropProductIndices() throws IOException {
        for (String name : List.of(ProductIndex.name(), "products_v1")) {
            if (client.indices().exists(r -> r.index(name)).value()) {
                client.indices().delete(r -> r.index(name));
            }
        }
    }

    @Test
    void createsTheVersionedIndexBehindItsAlias() throws IOException {
        assertThat(index.createIfMissing()).isTrue();

        assertThat(client.indices().getAlias(r -> r.name(ProductIndex.ALIAS)).aliases())
                .containsOnlyKeys(ProductIndex.name());
        assertThat(index.createIfMissing()).isFalse();
    }

    @Test
    void pointsTheAliasAtAnIndexThatHasNone() throws IOException {
        index.create(ProductIndex.name());

        assertThat(index.createIfMissing()).isTrue();
        assertThat(client.indices().getAlias(r -> r.name(ProductIndex.ALIAS)).aliases())
                .containsOnlyKeys(ProductIndex.name());
    }

    @Test
    void findsRussianProductsByOtherFormsOfTheWord() throws IOException {
        indexAll();

        assertThat(ids(match("titleRu", "кроссовками"))).containsExactly("p-1");
        assertThat(ids(match("titleRu", "кроссовок"))).containsExactly("p-1");
        assertThat(ids(match("titleRu", "сникерами"))).containsExactly("p-1");
        assertThat(ids(match("descriptionRu", "легкие"))).containsExactly("p-1");
    }

    /**
     * No list of words: the dictionary finds the nominative. ("чехлов" is not here: Debian's ru_RU
     * lists it as a word of its own, so it stems to "чехл" and "чехол" to "чехол"; the storefront's
     * typo tolerance bridges that one edit, see the storefront's MultilingualSearchIT.)
     */
    @Test
    void findsRussianGoodsByTheGenitivePluralOfAnyNounThroughTheHunspellDictionary() throws IOException {
        index.createIfMissing();
        Map<String, String[]> goods = Map.of(
                "sneakers", new String[] {"Кроссовки беговые", "кроссовок"},
                "jacket", new String[] {"Куртка зимняя", "курток"},
                "earbuds", new String[] {"Беспроводные наушники", "наушников"},
                "jeans", new String[] {"Джинсы прямые", "джинсов"},
                "dress", new String[] {"Платье летнее", "платьев"},
                "socks", new String[] {"Носки хлопковые", "носков"},
                "bottle", new String[] {"Бутылка для воды", "бутылок"},
                "earrings", new String[] {"Сережки серебряные", "сережек"});
        for (var product : goods.entrySet()) {
            Map<String, Object> doc = Products.russian(product.getKey(), product.getValue()[0], "商品");
            client.index(r -> r.index(ProductIndex.ALIAS).id(product.getKey()).document(doc));
        }
        client.indices().refresh(r -> r.index(ProductIndex.ALIAS));

        for (var product : goods.entrySet()) {
            String nominative = product.getValue()[0].split(" ")[0];
            String genitivePlural = product.getValue()[1];
            assertThat(ids(match("titleRu", genitivePlural))).as(genitivePlural).containsExactly(product.getKey());
            assertThat(ids(match("titleRu", nominative))).as(nominative).containsExactly(product.getKey());
        }
    }

    @Test
    void findsChineseProductsByOneCharacter() throws IOException {
        indexAll();
        client.index(r -> r.index(ProductIndex.ALIAS).id("p-4").document(Products.russian("p-4", "Сумка", "女士手提包")));
        client.indices().refresh(r -> r.index(ProductIndex.ALIAS));

        assertThat(ids(match("title", "鞋"))).containsExactly("p-1");
        assertThat(ids(match("title", "包"))).containsExactly("p-4");
        assertThat(ids(match("title", "手提包"))).containsExactly("p-4");
    }

    @Test
    void aNodeWithoutTheRussianDictionaryGetsTheIndexWithoutThatFilter() throws IOException {
        String other = ProductIndex.ALIAS + "_without_hunspell";
        client.indices()
                .create(r -> r.index(other).withJson(new StringReader(ProductIndex.definitionWithoutHunspell())));
        try {
            assertThat(Analyze.tokens(
                            client, r -> r.index(other).analyzer("ru_text").text("Кроссовками")))
                    .containsExactly("кроссовк");
        } finally {
            client.indices().delete(r -> r.index(other));
        }
    }

    @Test
    void tellsTheDefinitionOfTheIndexBehindTheAlias() throws IOException {
        assertThat(index.aliasedDefinition()).isZero();
        index.createIfMissing();
        assertThat(index.aliasedDefinition()).isEqualTo(ProductIndex.VERSION);

        client.indices().delete(r -> r.index(ProductIndex.name()));
        try (var v1 = ProductIndex.class.getResourceAsStream("/elastic/products-v1.json")) {
            client.indices().create(r -> r.index("products_v1").withJson(v1).aliases(ProductIndex.ALIAS, a -> a));
        }
        assertThat(index.aliasedDefinition()).isEqualTo(1);
    }

    @Test
    void anIndexOfTheFormerDefinitionTakesTheCurrentDocumentsOnceItKnowsTheirFields() throws IOException {
        try (var v1 = ProductIndex.class.getResourceAsStream("/elastic/products-v1.json")) {
            client.indices()
                    .create(r ->
                            r.index("products_v1").withJson(v1).aliases(ProductIndex.ALIAS, a -> a.isWriteIndex(true)));
        }
        Map<String, Object> doc = new java.util.LinkedHashMap<>(Products.russianSneakers());
        doc.put("categoryRu", List.of("Кроссовки и кеды", "Обувь"));
        doc.put("categorySuggest", Map.of("input", List.of("Обувь")));

        assertThat(index.acceptNewFields()).contains("categoryRu", "categorySuggest", "brandNames", "attributes");
        client.index(r -> r.index(ProductIndex.ALIAS).id("p-1").document(doc));
        assertThat(index.acceptNewFields()).isEmpty();
    }

    @Test
    void findsChineseProductsByAWordInsideTheTitle() throws IOException {
        indexAll();

        assertThat(ids(match("title", "运动鞋"))).containsExactly("p-1");
        assertThat(ids(match("title", "羽绒服"))).containsExactly("p-2");
    }

    @Test
    void findsEnglishProductsByStemAndSynonym() throws IOException {
        indexAll();

        assertThat(ids(match("titleEn", "hoodie"))).containsExactly("p-3");
        assertThat(ids(match("titleEn", "sweatshirts"))).containsExactly("p-3");
        assertThat(ids(match("brand.text", "creme cafe"))).containsExactly("p-3");
    }

    @Test
    void findsProductsInEveryLanguageWithOneQuery() throws IOException {
        indexAll();

        Query query = Query.of(q -> q.multiMatch(m -> m.query("кроссовки 羽绒服 hoodies")
                .fields("title", "titleRu", "titleEn", "description", "descriptionRu", "descriptionEn")));

        assertThat(ids(query)).containsExactlyInAnyOrder("p-1", "p-2", "p-3");
    }

    @Test
    void facetsCountKeywordValues() throws IOException {
        indexAll();

        SearchResponse<JsonData> response = client.search(
                r -> r.index(ProductIndex.ALIAS)
                        .size(0)
                        .aggregations("marketplaces", a -> a.terms(t -> t.field("marketplace")))
                        .aggregations(
                                "cheap",
                                a -> a.filter(f -> f.range(
                                        g -> g.number(n -> n.field("priceMinor").lt(100_000.0))))),
                JsonData.class);

        assertThat(response.aggregations()
                        .get("marketplaces")
                        .sterms()
                        .buckets()
                        .array())
                .extracting(b -> b.key().stringValue())
                .containsExactlyInAnyOrder("taobao", "jd", "pinduoduo");
        assertThat(response.aggregations().get("cheap").filter().docCount()).isEqualTo(2);
    }

    @Test
    void suggestsTitlesAsYouType() throws IOException {
        indexAll();

        SearchResponse<JsonData> response = client.search(
                r -> r.index(ProductIndex.ALIAS)
                        .suggest(s ->
                                s.suggesters("titles", f -> f.prefix("кросс").completion(c -> c.field("suggest")))),
                JsonData.class);

        assertThat(response.suggest().get("titles").getFirst().completion().options())
                .extracting(option -> option.text())
                .containsExactly("Кроссовки Nike Air");
    }

    private void indexAll() throws IOException {
        index.createIfMissing();
        for (Map<String, Object> doc :
                List.of(Products.russianSneakers(), Products.chineseJacket(), Products.englishHoodie())) {
            client.index(r -> r.index(ProductIndex.ALIAS)
                    .id((String) doc.get("productId"))
                    .document(doc));
        }
        client.indices().refresh(r -> r.index(ProductIndex.ALIAS));
    }

    private static Query match(String field, String text) {
        return Query.of(q -> q.match(m -> m.field(field).query(text)));
    }

    private List<String> ids(Query query) throws IOException {
        return client.search(r -> r.index(ProductIndex.ALIAS).query(query), JsonData.class).hits().hits().stream()
                .map(Hit::id)
                .toList();
    }
}
