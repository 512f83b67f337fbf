package dev.silkway.indexer.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.elastic.search.ProductDocument;
import dev.silkway.elastic.search.ProductDocuments;
import dev.silkway.indexer.indexing.ProductIndexWriter;
import dev.silkway.indexer.indexing.SearchIndexerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code products_v<N+1>} from PostgreSQL and swaps the alias onto it in one {@code _aliases}
 * call (remove from the old index and add to the new one atomically). The new index refreshes only at
 * the end; the event listener writes into it too while it is built (see {@code WriteTargets}).
 */
@Component
public class Reindexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final Pattern VERSIONED = Pattern.compile(Pattern.quote(ProductIndex.ALIAS) + "_v(\\d+)");

    private final ElasticsearchClient client;
    private final ProductIndex index;
    private final ProductDocuments documents;
    private final ProductIndexWriter writer;
    private final ReindexRuns runs;
    private final JdbcClient jdbc;
    private final SearchIndexerProperties properties;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    Reindexer(
            ElasticsearchClient client,
            ProductIndex index,
            ProductDocuments documents,
            ProductIndexWriter writer,
            ReindexRuns runs,
            JdbcClient jdbc,
            SearchIndexerProperties properties) {
        this.client = client;
        this.index = index;
        this.documents = documents;
        this.writer = writer;
        this.runs = runs;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Starts a reindex in the background; empty when one is already running. */
    public Optional<Started> start() {
        String target = nextIndexName();
        long total = jdbc.sql("SELECT count(*) FROM products WHERE status = 'VISIBLE'")
                .query(Long.class)
                .single();
        Optional<ReindexRun> run = runs.start(ProductIndex.ALIAS, target, total, properties.reindexStaleAfter());
        return run.map(r -> new Started(r, executor.submit(() -> build(r))));
    }

    public Optional<ReindexRun> find(long id) {
        return runs.find(id);
    }

    public Optional<ReindexRun> running() {
        return runs.running(ProductIndex.ALIAS);
    }

    private void build(ReindexRun run) {
        String target = run.targetIndex();
        try {
            index.create(target);
            client.indices().putSettings(s -> s.index(target).settings(i -> i.refreshInterval(t -> t.time("-1"))));
            long last = 0;
            List<Long> ids;
            while (!(ids = documents.visibleIdsAfter(last, properties.reindexPageSize())).isEmpty()) {
                List<ProductDocument> page = documents.load(ids);
                int failed = writer.write(page, List.of(target));
                last = ids.getLast();
                runs.progress(run.id(), page.size() - failed, failed, last);
            }
            client.indices().putSettings(s -> s.index(target).settings(i -> i.refreshInterval(t -> t.time("1s"))));
            client.indices().refresh(r -> r.index(target));
            swap(target);
            runs.finish(run.id(), "SWAPPED", null);
            log.info("Reindexed into {} and moved the alias {} onto it", target, ProductIndex.ALIAS);
        } catch (Exception e) {
            log.error("Reindex {} into {} failed", run.id(), target, e);
            runs.finish(run.id(), "FAILED", e.toString());
            try {
                client.indices().delete(d -> d.index(target).ignoreUnavailable(true));
            } catch (IOException | RuntimeException cleanup) {
                log.warn("Could not delete the unfinished index {}: {}", target, cleanup.toString());
            }
        }
    }

    /** One {@code _aliases} request: the alias leaves every old index and lands on the new one atomically. */
    private void swap(String target) throws IOException {
        List<String> current = aliased();
        List<Action> actions = new ArrayList<>();
        for (String old : current) {
            actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(ProductIndex.ALIAS))));
        }
        actions.add(Action.of(
                a -> a.add(r -> r.index(target).alias(ProductIndex.ALIAS).isWriteIndex(true))));
        client.indices().updateAliases(u -> u.actions(actions));
    }

    private List<String> aliased() throws IOException {
        if (!client.indices().existsAlias(r -> r.name(ProductIndex.ALIAS)).value()) {
            return List.of();
        }
        return List.copyOf(client.indices()
                .getAlias(r -> r.name(ProductIndex.ALIAS))
                .aliases()
                .keySet());
    }

    private String nextIndexName() {
        try {
            int highest = ProductIndex.VERSION;
            for (String name : client.indices()
                    .get(g -> g.index(ProductIndex.ALIAS + "_v*")
                            .ignoreUnavailable(true)
                            .allowNoIndices(true))
                    .indices()
                    .keySet()) {
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
            return ProductIndex.ALIAS + "_v" + (highest + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** A run that started, and the background build (done once swapped or failed). */
    public record Started(ReindexRun run, Future<?> completion) {}
}
