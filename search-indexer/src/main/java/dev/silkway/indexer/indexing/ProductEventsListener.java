package dev.silkway.indexer.indexing;

import dev.silkway.elastic.search.ProductDocument;
import dev.silkway.elastic.search.ProductDocuments;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Offsets are acknowledged only after the bulk succeeded; a failure makes the container redeliver
 * the batch with back-off.
 */
@Component
class ProductEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);

    private final ProductDocuments documents;
    private final ProductIndexWriter writer;
    private final WriteTargets targets;
    private final Timer lag;

    ProductEventsListener(
            ProductDocuments documents, ProductIndexWriter writer, WriteTargets targets, MeterRegistry meters) {
        this.documents = documents;
        this.writer = writer;
        this.targets = targets;
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
        List<ProductDocument> current = documents.load(ids);
        long loaded = System.nanoTime();
        writer.write(current, writeTo);
        ack.acknowledge();
        if (log.isDebugEnabled()) {
            log.debug(
                    "{} events, {} products: loaded in {} ms, written in {} ms",
                    records.size(),
                    ids.size(),
                    (loaded - start) / 1_000_000,
                    (System.nanoTime() - loaded) / 1_000_000);
        }
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, String> record : records) {
            lag.record(Duration.ofMillis(Math.max(0, now - record.timestamp())));
        }
    }
}
