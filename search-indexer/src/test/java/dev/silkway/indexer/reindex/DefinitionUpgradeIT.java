package dev.silkway.indexer.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.indexer.IndexerIntegrationTest;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class DefinitionUpgradeIT extends IndexerIntegrationTest {

    @Autowired
    DefinitionUpgrade upgrade;

    @Autowired
    ProductIndex index;

    @Test
    void anAliasOnAnIndexOfTheFormerDefinitionMovesToTheCurrentOneWithEveryProduct() throws Exception {
        for (String name : elastic.indices()
                .get(g -> g.index(ProductIndex.ALIAS + "_v*")
                        .ignoreUnavailable(true)
                        .allowNoIndices(true))
                .indices()
                .keySet()) {
            elastic.indices().delete(d -> d.index(name));
        }
        try (InputStream v1 = ProductIndex.class.getResourceAsStream("/elastic/products-v1.json")) {
            elastic.indices()
                    .create(r ->
                            r.index("products_v1").withJson(v1).aliases(ProductIndex.ALIAS, a -> a.isWriteIndex(true)));
        }
        assertThat(index.aliasedDefinition()).isEqualTo(1);

        upgrade.run(new DefaultApplicationArguments());
        long product = catalogue().product("jd", "sneakers", "Anta", "Кроссовки во время обновления", "运动鞋", 9_900);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> index.aliasedDefinition() == ProductIndex.VERSION);
        long visible = jdbc.sql("SELECT count(*) FROM products WHERE status = 'VISIBLE'")
                .query(Long.class)
                .single();
        assertThat(elastic.count(c -> c.index(ProductIndex.ALIAS)).count()).isEqualTo(visible);
        await().atMost(Duration.ofSeconds(60)).until(() -> indexed(product) != null);
        assertThat(indexed(product)).containsKey("categoryRu");
        assertThat(jdbc.sql("SELECT count(*) FROM search_dead_letters WHERE product_id = ?")
                        .param(product)
                        .query(Long.class)
                        .single())
                .as("the old index took the new documents while the new one was built")
                .isZero();
    }
}
