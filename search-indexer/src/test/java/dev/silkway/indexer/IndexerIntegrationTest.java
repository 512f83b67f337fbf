package dev.silkway.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.StaffTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The indexer on the real PostgreSQL (a database of its own), Kafka and Elasticsearch, with a topic
 * and consumer group of its own so that no other test context consumes its events. One context for
 * every subclass: tests create their own products and never assume an empty catalogue.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "silkway.outbox.poll-interval=50ms",
            "silkway.search.batch-wait=50ms",
            "silkway.search.retry-initial=100ms",
            "silkway.search.retry-max=1s",
            "silkway.search.retry-attempts=3"
        })
public abstract class IndexerIntegrationTest {

    protected static final String TOPIC = "silkway.products.it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.all(registry, "indexer_events");
        registry.add("silkway.search.topic", () -> TOPIC);
        registry.add("silkway.outbox.topics.product", () -> TOPIC);
        registry.add("silkway.search.group-id", () -> "search-indexer-it-" + TOPIC);
        StaffTokens.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected DataSource database;

    @Autowired
    protected ElasticsearchClient elastic;

    protected Catalogue catalogue() {
        return new Catalogue(jdbc);
    }

    /** The indexed document of a product through the alias, or null. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> indexed(long productId) {
        try {
            GetResponse<Map> response =
                    elastic.get(g -> g.index(ProductIndex.ALIAS).id(Long.toString(productId)), Map.class);
            return response.found() ? (Map<String, Object>) response.source() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Long indexedVersion(long productId) {
        try {
            GetResponse<Map> response =
                    elastic.get(g -> g.index(ProductIndex.ALIAS).id(Long.toString(productId)), Map.class);
            return response.found() ? response.version() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
