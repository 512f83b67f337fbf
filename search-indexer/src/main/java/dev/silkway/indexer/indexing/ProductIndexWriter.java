package dev.silkway.indexer.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.silkway.elastic.search.ProductDocument;
import dev.silkway.platform.retry.Backoff;
import dev.silkway.platform.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bulk-writes product documents with the product's version as the external version
 * ({@code external_gte}): a write carrying an older version than the indexed one is refused with 409,
 * which is success here (newer data is already in), and the same version may be written again
 * (redeliveries, price and stock rows that changed under the same version). Products that are no
 * longer visible are deleted with their version, which leaves a tombstone that a late older write
 * cannot resurrect.
 *
 * <p>Items Elasticsearch rejects for good (mapping errors and other 4xx) go to the dead letters;
 * items refused with 429 or 5xx, and whole requests that fail (node down, 429), are retried with
 * the platform's {@link Retry} (exponential back-off from {@code retryInitial} to {@code retryMax}). After
 * {@code retryAttempts} retries it throws, and the caller must not acknowledge the events.
 */
@Component
public class ProductIndexWriter {

    private static final Logger log = LoggerFactory.getLogger(ProductIndexWriter.class);

    private final ElasticsearchClient client;
    private final DeadLetters deadLetters;
    private final Retry retry;
    private final Counter written;
    private final Counter rejected;
    private final Counter retried;

    ProductIndexWriter(
            ElasticsearchClient client,
            DeadLetters deadLetters,
            SearchIndexerProperties properties,
            MeterRegistry meters) {
        this.client = client;
        this.deadLetters = deadLetters;
        this.written = meters.counter("silkway.search.documents.written");
        this.rejected = meters.counter("silkway.search.documents.dead.lettered");
        this.retried = meters.counter("silkway.search.bulk.retries");
        this.retry = Retry.of(
                "elasticsearch bulk",
                new Backoff(properties.retryAttempts() + 1, properties.retryInitial(), properties.retryMax(), 2.0, 0.0),
                ProductIndexWriter::retryable);
    }

    /** Writes every document to every target; returns how many operations were dead-lettered. */
    public int write(List<ProductDocument> documents, List<String> targets) {
        List<Pending> pending = new ArrayList<>(documents.size() * targets.size());
        for (String target : targets) {
            for (ProductDocument document : documents) {
                pending.add(new Pending(target, document));
            }
        }
        int[] deadLettered = {0};
        int[] attempts = {0};
        try {
            retry.run(() -> {
                if (attempts[0]++ > 0) {
                    retried.increment();
                }
                deadLettered[0] += bulk(pending);
            });
        } catch (RuntimeException e) {
            if (retryable(e)) {
                throw new IndexingFailed(
                        pending.size() + " product operations still failing after " + attempts[0] + " attempts");
            }
            throw e;
        }
        return deadLettered[0];
    }

    /**
     * One bulk of the pending operations: those written or dead-lettered leave {@code pending}, those refused for now
     * (429/5xx) stay and make it throw {@link StillRefused}; answers how many were dead-lettered.
     */
    private int bulk(List<Pending> pending) {
        BulkResponse response;
        try {
            response = client.bulk(
                    b -> b.operations(pending.stream().map(Pending::operation).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int deadLettered = 0;
        List<Pending> again = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            Pending op = pending.get(i);
            int status = item.status();
            if (item.error() == null || status == 409 || status == 404) {
                written.increment();
            } else if (status == 429 || status >= 500) {
                again.add(op);
            } else {
                ErrorCause error = item.error();
                deadLetters.add(
                        item.index() == null ? op.target() : item.index(),
                        op.document(),
                        error.type(),
                        String.valueOf(error.reason()),
                        status);
                rejected.increment();
                deadLettered++;
                log.warn(
                        "Product {} v{} rejected by {}: {}",
                        op.document().productId(),
                        op.document().version(),
                        op.target(),
                        error.type());
            }
        }
        pending.clear();
        pending.addAll(again);
        if (!again.isEmpty()) {
            throw new StillRefused(again.size());
        }
        return deadLettered;
    }

    /** A whole bulk refused for now (429, 5xx), a node unreachable, or operations refused for now: worth a retry. */
    private static boolean retryable(Throwable failure) {
        if (failure instanceof ElasticsearchException e) {
            return e.status() == 429 || e.status() >= 500;
        }
        return failure instanceof RuntimeException;
    }

    /** Some operations of a bulk were refused for now (429/5xx); they are retried. */
    private static final class StillRefused extends RuntimeException {
        StillRefused(int operations) {
            super(operations + " product operations refused for now (429/5xx)", null, false, false);
        }
    }

    private record Pending(String target, ProductDocument document) {

        BulkOperation operation() {
            Map<String, Object> source = document.source();
            if (source == null) {
                return BulkOperation.of(b -> b.delete(d -> d.index(target)
                        .id(document.id())
                        .version(document.version())
                        .versionType(VersionType.ExternalGte)));
            }
            return BulkOperation.of(b -> b.index(i -> i.index(target)
                    .id(document.id())
                    .version(document.version())
                    .versionType(VersionType.ExternalGte)
                    .document(source)));
        }
    }

    /** The bulk could not be completed now: the events stay unacknowledged and come again. */
    public static final class IndexingFailed extends RuntimeException {
        IndexingFailed(String message) {
            super(message);
        }
    }
}
