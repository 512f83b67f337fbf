package dev.silkway.indexer.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.indices.IndexSettingBlocks;
import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.indexer.Catalogue;
import dev.silkway.indexer.IndexerIntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

class ProductEventsIndexingIT extends IndexerIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void indexesAChangedProductWithEverythingSearchNeeds() {
        long id = catalogue()
                .product(
                        "taobao",
                        "sneakers",
                        "Nike",
                        "Кроссовки Nike Air",
                        "Nike Air sneakers",
                        "耐克运动鞋男款",
                        59_900,
                        4.8,
                        120,
                        true);

        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(id) != null);

        Map<String, Object> doc = indexed(id);
        assertThat(doc)
                .containsEntry("marketplace", "taobao")
                .containsEntry("brand", "Nike")
                .containsEntry("categoryPath", "shoes/sneakers")
                .containsEntry("priceMinor", 59_900)
                .containsEntry("currency", "CNY")
                .containsEntry("inStock", true)
                .containsEntry("title", "耐克运动鞋男款");
        assertThat((List<?>) doc.get("categoryIds")).hasSize(2);
        assertThat(((Number) doc.get("ratingBayes")).doubleValue()).isBetween(4.0, 4.8);
        assertThat(indexedVersion(id)).isEqualTo(catalogue().version(id));
    }

    @Test
    void removesAHiddenProductFromTheIndex() {
        Catalogue catalogue = catalogue();
        long id = catalogue.product("jd", "smartphones", "Xiaomi", "Смартфон Xiaomi", "小米手机", 199_900);
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(id) != null);

        catalogue.hide(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(id) == null);
    }

    @Test
    void eventsArrivingOutOfOrderLeaveTheNewestStateIndexed() {
        Catalogue catalogue = catalogue();
        long id = catalogue.product("pinduoduo", "backpacks", "Anta", "Рюкзак городской", "双肩包", 10_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(id) != null);
        catalogue.changePrice(id, 20_000);
        catalogue.changePrice(id, 30_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> price(id) == 30_000);

        // A stale event delivered late (a replay, another partition's lag) changes nothing.
        kafka.send(TOPIC, Long.toString(id), "{\"productId\":" + id + ",\"version\":1}")
                .join();
        long marker = catalogue.product("pinduoduo", "backpacks", "Anta", "Маркер", "标记", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(marker) != null);

        assertThat(price(id)).isEqualTo(30_000);
        assertThat(indexedVersion(id)).isEqualTo(catalogue.version(id));
    }

    @Test
    void anOlderVersionNeverOverwritesANewerDocument() throws Exception {
        Catalogue catalogue = catalogue();
        long id = catalogue.product("1688", "bags", "Coach", "Сумка кожаная", "真皮包", 50_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(id) != null);
        long version = catalogue.version(id);
        // Another writer already indexed a newer version of the product than PostgreSQL shows to this reader.
        Map<String, Object> newer = new java.util.HashMap<>(indexed(id));
        newer.put("priceMinor", 77_700);
        elastic.index(i -> i.index(ProductIndex.ALIAS)
                .id(Long.toString(id))
                .version(version + 5)
                .versionType(VersionType.External)
                .document(newer));

        catalogue.event(id, "ProductChanged");
        long marker = catalogue.product("1688", "bags", "Coach", "Маркер", "标记", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(marker) != null);

        assertThat(price(id)).isEqualTo(77_700);
        assertThat(indexedVersion(id)).isEqualTo(version + 5);
    }

    @Test
    void aDocumentElasticsearchRejectsGoesToTheDeadLettersAndTheOthersAreIndexed() throws Exception {
        String broken = "products_broken_" + System.nanoTime();
        elastic.indices()
                .create(
                        c -> c.index(broken)
                                .withJson(
                                        new StringReader(
                                                "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"productId\":{\"type\":\"keyword\"}}}}")));
        // A reindex "target" that refuses every document: the alias still gets them.
        long run = jdbc.sql("INSERT INTO search_reindex_runs (target_index) VALUES (:t) RETURNING id")
                .param("t", broken)
                .query(Long.class)
                .single();
        try {
            long id = catalogue().product("jd", "watches", "Casio", "Часы Casio", "卡西欧手表", 30_000);

            await().atMost(Duration.ofSeconds(30)).until(() -> indexed(id) != null);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(jdbc.sql("""
                                    SELECT error_type FROM search_dead_letters WHERE product_id = :p AND index_name = :i
                                    """)
                                    .param("p", id)
                                    .param("i", broken)
                                    .query(String.class)
                                    .list())
                            .containsExactly("strict_dynamic_mapping_exception"));
        } finally {
            jdbc.sql("UPDATE search_reindex_runs SET status = 'FAILED', finished_at = now() WHERE id = :id")
                    .param("id", run)
                    .update();
            elastic.indices().delete(d -> d.index(broken));
        }
    }

    @Test
    void retriesWhileElasticsearchRefusesWritesAndLosesNoEvent() throws Exception {
        String index = elastic.indices()
                .getAlias(a -> a.name(ProductIndex.ALIAS))
                .aliases()
                .keySet()
                .iterator()
                .next();
        long id = 0;
        // The node's disk monitor lifts every read-only-allow-delete block once, on its first run after the node
        // started (~30 s; the local node disables the disk threshold): a product indexed while the block was lifted
        // proves nothing, so the scenario runs again then (the monitor never lifts a block twice).
        for (int attempt = 1; id == 0; attempt++) {
            refuseWrites(index, true);
            try {
                long product =
                        catalogue().product("taobao", "mens-clothing", "Li-Ning", "Худи хлопковое", "李宁卫衣", 15_000);
                if (staysUnindexed(product)) {
                    id = product;
                } else {
                    assertThat(refusesWrites(index))
                            .as("product %d was indexed while the index refused writes", product)
                            .isFalse();
                    assertThat(attempt)
                            .as("the block was lifted more than once")
                            .isLessThan(3);
                }
            } finally {
                refuseWrites(index, false);
            }
        }
        long refused = id;
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(refused) != null);
    }

    /** Refused with 429 meanwhile: the batch is retried, its offset not committed. */
    private boolean staysUnindexed(long product) {
        try {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> indexed(product) == null);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private void refuseWrites(String index, boolean refuse) throws IOException {
        elastic.indices().putSettings(s -> s.index(index).settings(i -> i.blocks(b -> b.readOnlyAllowDelete(refuse))));
    }

    private boolean refusesWrites(String index) throws IOException {
        IndexSettingBlocks blocks = elastic.indices()
                .getSettings(g -> g.index(index))
                .get(index)
                .settings()
                .index()
                .blocks();
        return blocks != null && Boolean.TRUE.equals(blocks.readOnlyAllowDelete());
    }

    private long price(long id) {
        Map<String, Object> doc = indexed(id);
        return doc == null ? -1 : ((Number) doc.get("priceMinor")).longValue();
    }
}
