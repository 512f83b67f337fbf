package dev.silkway.indexer.indexing;

import dev.silkway.elastic.search.ProductDocument;
import dev.silkway.elastic.search.ProductDocuments;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes product events ({@code ProductChanged}, {@code ProductHidden}, keyed by product id) in
 * batches. An event only says "this product changed": the batch reloads the current rows from
 * PostgreSQL and writes them, so duplicates, reordering and lost intermediate states do not matter.
 *
 * <p>A poll brings up to {@code pollRecords} events; their products go out in bulk requests of
 * {@code batchSize}, one at a time, while the next slice is read from PostgreSQL (so the reads hide
 * behind the bulk requests). Offsets are acknowledged only after every bulk of the poll succeeded; a
 * failure makes the container redeliver the whole poll with back-off.
 */
@Component
class ProductEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);

    private final ProductDocuments documents;
    private final ProductIndexWriter writer;
    private final WriteTargets targets;
    private final SearchIndexerProperties properties;
    private final Timer lag;
    private final ExecutorService bulks = Executors.newVirtualThreadPerTaskExecutor();

    ProductEventsListener(
            ProductDocuments documents,
            ProductIndexWriter writer,
            WriteTargets targets,
            SearchIndexerProperties properties,
            MeterRegistry meters) {
        this.documents = documents;
        this.writer = writer;
        this.targets = targets;
        this.properties = properties;
        this.lag = Timer.builder("silkway.search.indexing.lag")
                .description("From the event reaching Kafka to its product written to the index")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @KafkaListener(
            id = "product-events",
            topics = "${silkway.search.topic}",
            groupId = "${silkway.search.group-id}",
            batch = "true")
    void onProductEvents(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
        Set<Long> ids = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                ids.add(Long.parseLong(record.key()));
            } catch (NumberFormatException e) {
                log.warn("Ignoring a product event whose key is not a product id (offset {})", record.offset());
            }
        }
        long start = System.nanoTime();
        List<String> writeTo = targets.current();
        List<Long> all = List.copyOf(ids);
        CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
        try {
            for (int from = 0; from < all.size(); from += properties.batchSize()) {
                List<ProductDocument> slice =
                        documents.load(all.subList(from, Math.min(all.size(), from + properties.batchSize())));
                inFlight.join();
                inFlight = CompletableFuture.runAsync(() -> writer.write(slice, writeTo), bulks);
            }
            inFlight.join();
        } catch (RuntimeException e) {
            // Whatever failed (a read or a bulk), no bulk of this poll is left running when it comes again.
            inFlight.exceptionally(ignored -> null).join();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        ack.acknowledge();
        if (log.isDebugEnabled()) {
            log.debug(
                    "{} events, {} products indexed in {} ms",
                    records.size(),
                    ids.size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, String> record : records) {
            lag.record(Duration.ofMillis(Math.max(0, now - record.timestamp())));
        }
    }

    @PreDestroy
    void stop() {
        bulks.close();
    }
}
