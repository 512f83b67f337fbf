package dev.silkway.indexer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.elastic.search.ProductDocument;
import dev.silkway.elastic.search.ProductDocuments;
import dev.silkway.indexer.indexing.SearchIndexerProperties;
import dev.silkway.testsupport.GeneratedCatalogue;
import dev.silkway.testsupport.ServiceProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code index} benchmark: N products (-Dbench.docs, default 200,000) go through the whole
 * indexer (outbox events already in Kafka → consumer → PostgreSQL reload → bulk) and, in the same
 * run, the same documents go by plain {@code _bulk} requests of the same size into an empty index of
 * the same definition (the limit: only the bulk calls are timed), in alternating rounds over slices of
 * the catalogue. Target: indexer ≥ 0.8× bulk.
 *
 * <p>Run: {@code ./mvnw -pl search-indexer verify -Dit.test=IndexBenchmark [-Dbench.docs=200000]}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.kafka.listener.auto-startup=false", "silkway.outbox.poll-interval=20ms"})
class IndexBenchmark {

    static final String TOPIC = "silkway.products.bench-" + UUID.randomUUID();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.all(registry, "indexer_bench");
        registry.add("silkway.search.topic", () -> TOPIC);
        registry.add("silkway.outbox.topics.product", () -> TOPIC);
        registry.add("silkway.search.group-id", () -> "bench-" + TOPIC);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elastic;

    @Autowired
    ProductDocuments documents;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    SearchIndexerProperties properties;

    @Autowired
    MeterRegistry meters;

    @Test
    void indexerKeepsUpWithPlainBulk() throws Exception {
        int docs = Integer.getInteger("bench.docs", 200_000);
        int rounds = Integer.getInteger("bench.rounds", 4);
        long t = System.nanoTime();
        GeneratedCatalogue.generate(jdbc, docs);
        System.out.printf("generated %d products in %.1f s%n", docs, (System.nanoTime() - t) / 1e9);
        recreate(ProductIndex.name(), true);
        String plain = "products_bench_bulk";
        new ProductIndex(elastic).create(plain);
        MessageListenerContainer container = listeners.getListenerContainer("product-events");
        container.start();
        container.pause();
        Counter written = meters.counter("silkway.search.documents.written");

        // Rounds alternate the two paths over the same slices of the catalogue, so that whatever else
        // the machine does weighs on both alike. The indexer's clock runs from resuming the consumer
        // (events already in Kafka) until its bulk requests acknowledged every product of the slice.
        // Round 0 is a warm-up of both paths (consumer group join, JIT, the node's caches), not timed.
        long indexerNanos = 0;
        long bulkNanos = 0;
        long last = 0;
        int warmUp = Math.max(1, Math.min(2_000, docs / 10));
        int slice = (docs - warmUp + rounds - 1) / rounds;
        int measured = 0;
        for (int round = 0; round <= rounds; round++) {
            List<Long> ids = jdbc.sql("SELECT id FROM products WHERE id > :last ORDER BY id LIMIT :n")
                    .param("last", last)
                    .param("n", round == 0 ? warmUp : slice)
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) {
                break;
            }
            long from = last;
            long to = ids.getLast();
            jdbc.sql("""
                    INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                    SELECT 'product', id::text, 'ProductChanged', jsonb_build_object('productId', id, 'version', version)
                    FROM products WHERE id > :from AND id <= :to ORDER BY id
                    """).param("from", from).param("to", to).update();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> jdbc.sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
                                    .query(Long.class)
                                    .single()
                            == 0);
            double target = written.count() + ids.size();
            long s = System.nanoTime();
            container.resume();
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> written.count() >= target);
            if (round > 0) {
                indexerNanos += System.nanoTime() - s;
                measured += ids.size();
            }
            container.pause();

            for (int i = 0; i < ids.size(); i += properties.batchSize()) {
                List<ProductDocument> page =
                        documents.load(ids.subList(i, Math.min(ids.size(), i + properties.batchSize())));
                List<BulkOperation> operations = page.stream()
                        .map(d -> BulkOperation.of(b -> b.index(x -> x.index(plain)
                                .id(d.id())
                                .version(d.version())
                                .versionType(VersionType.ExternalGte)
                                .document(d.source()))))
                        .toList();
                long b0 = System.nanoTime();
                BulkResponse response = elastic.bulk(b -> b.operations(operations));
                if (round > 0) {
                    bulkNanos += System.nanoTime() - b0;
                }
                assertThat(response.errors()).isFalse();
            }
            last = to;
            System.out.printf(
                    "round %d: %d products, indexer %.1f s, bulk %.1f s so far%n",
                    round, ids.size(), indexerNanos / 1e9, bulkNanos / 1e9);
        }
        container.stop();
        elastic.indices().refresh(r -> r.index(plain));
        elastic.indices().refresh(r -> r.index(ProductIndex.ALIAS));
        assertThat(elastic.count(c -> c.index(plain)).count()).isEqualTo(docs);
        assertThat(elastic.count(c -> c.index(ProductIndex.ALIAS)).count()).isEqualTo(docs);

        double indexerPerSecond = measured / (indexerNanos / 1e9);
        double bulkPerSecond = measured / (bulkNanos / 1e9);
        double ratio = indexerPerSecond / bulkPerSecond;
        System.out.println((ratio >= 0.8 ? "PASS" : "FAIL") + " index: indexer " + fmt(indexerPerSecond)
                + " docs/s vs plain _bulk " + fmt(bulkPerSecond) + " docs/s, target >= 0.8x");
        System.out.println("BENCH index docs=" + docs + " indexer_per_s=" + fmt(indexerPerSecond) + " bulk_per_s="
                + fmt(bulkPerSecond) + " vs_bulk=" + String.format(Locale.ROOT, "%.2f", ratio));
        elastic.indices().delete(d -> d.index(plain));
    }

    private void recreate(String index, boolean withAlias) throws Exception {
        for (String existing : elastic.indices()
                .get(g -> g.index(ProductIndex.ALIAS + "_*")
                        .ignoreUnavailable(true)
                        .allowNoIndices(true))
                .indices()
                .keySet()) {
            elastic.indices().delete(d -> d.index(existing));
        }
        if (withAlias) {
            new ProductIndex(elastic).createIfMissing();
        } else {
            new ProductIndex(elastic).create(index);
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
