package dev.silkway.indexer.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.indexer.Catalogue;
import dev.silkway.indexer.IndexerIntegrationTest;
import dev.silkway.testsupport.OpenApiDocument;
import dev.silkway.testsupport.StaffTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReindexIT extends IndexerIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void swapsTheAliasToANewIndexWhileEveryConcurrentQueryKeepsAnswering() throws Exception {
        Catalogue catalogue = catalogue();
        // Bulk-insert products straight in SQL, then one event each so the live index holds them.
        jdbc.sql("""
                WITH c AS (SELECT id FROM categories WHERE code = 'mens-clothing')
                INSERT INTO products (marketplace_code, external_id, category_id, title_original, title_ru, rating,
                                      review_count, content_hash, version)
                SELECT 'poizon', 'reindex-' || g, c.id, '得物卫衣 ' || g, 'Худи номер ' || g, 4.2, g % 50,
                       decode('00', 'hex'), 1
                FROM generate_series(1, 3000) g, c
                """).update();
        jdbc.sql("""
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                SELECT 'product', id::text, 'ProductChanged', '{}'::jsonb FROM products WHERE external_id LIKE 'reindex-%'
                ORDER BY id
                """).update();
        long visible = visibleCount();
        await().atMost(Duration.ofSeconds(60)).until(() -> searchable() == visible);
        String before = aliasedIndex();

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger queries = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(clients.submit(() -> {
                while (!done.get()) {
                    try {
                        long count = searchable();
                        queries.incrementAndGet();
                        if (count < visible) {
                            failures.add("saw " + count + " of " + visible);
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        long changed;
        try {
            HttpResponse<String> started = post("/api/v1/ops/search/reindex");
            assertThat(started.statusCode()).isEqualTo(202);
            long runId = json.readTree(started.body()).get("id").asLong();
            assertThat(post("/api/v1/ops/search/reindex").statusCode()).isEqualTo(409);
            // A change made while the new index is built reaches it too.
            changed = catalogue.product("poizon", "mens-clothing", "Anta", "Худи во время переиндексации", "卫衣", 4_200);

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        JsonNode run = json.readTree(
                                get("/api/v1/ops/search/reindex/" + runId).body());
                        assertThat(run.get("status").asString()).isEqualTo("SWAPPED");
                        assertThat(run.get("progressPercent").asInt()).isEqualTo(100);
                    });
        } finally {
            done.set(true);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
        }

        assertThat(failures).isEmpty();
        assertThat(queries.get()).isGreaterThan(10);
        assertThat(aliasedIndex()).isNotEqualTo(before).startsWith(ProductIndex.ALIAS + "_v");
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(changed) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> searchable() == visibleCount());
    }

    @Test
    void servesItsOpenApiDocumentWithTheBearerSchemeOnTheReindexOperations() {
        var docs = OpenApiDocument.saveAndCheck(port, "search-indexer");

        assertThat(docs.read("$.paths['/api/v1/ops/search/reindex'].post.security[0]", java.util.Map.class))
                .containsKey("bearer");
    }

    @Test
    void showsA404ForAnUnknownRun() throws Exception {
        assertThat(get("/api/v1/ops/search/reindex/987654").statusCode()).isEqualTo(404);
    }

    @Test
    void anAdminMayFollowARunToo() throws Exception {
        assertThat(send(getFrom("/api/v1/ops/search/reindex/987654"), StaffTokens.forNewAccount(database, "ADMIN"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void refuses401WithoutAToken() throws Exception {
        long runs = runs();
        HttpResponse<String> start = send(postTo("/api/v1/ops/search/reindex"), null);
        assertThat(start.statusCode()).isEqualTo(401);
        assertThat(start.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(send(getFrom("/api/v1/ops/search/reindex/1"), null).statusCode())
                .isEqualTo(401);
        assertThat(send(postTo("/api/v1/ops/search/reindex"), StaffTokens.forged("ADMIN"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(runs()).isEqualTo(runs);
    }

    @Test
    void refuses403ForAShopper() throws Exception {
        long runs = runs();
        HttpResponse<String> start =
                send(postTo("/api/v1/ops/search/reindex"), StaffTokens.forNewAccount(database, "SHOPPER"));
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(send(getFrom("/api/v1/ops/search/reindex/1"), StaffTokens.forNewAccount(database, "SHOPPER"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(runs()).isEqualTo(runs);
    }

    private long runs() {
        return jdbc.sql("SELECT count(*) FROM search_reindex_runs")
                .query(Long.class)
                .single();
    }

    private long visibleCount() {
        return jdbc.sql("SELECT count(*) FROM products WHERE status = 'VISIBLE'")
                .query(Long.class)
                .single();
    }

    private long searchable() throws Exception {
        return elastic.count(c -> c.index(ProductIndex.ALIAS)).count();
    }

    private String aliasedIndex() throws Exception {
        return elastic.indices()
                .getAlias(a -> a.name(ProductIndex.ALIAS))
                .aliases()
                .keySet()
                .iterator()
                .next();
    }

    /** An operator's POST. */
    private HttpResponse<String> post(String path) throws Exception {
        return send(postTo(path), StaffTokens.forNewAccount(database, "OPERATOR"));
    }

    /** An operator's GET. */
    private HttpResponse<String> get(String path) throws Exception {
        return send(getFrom(path), StaffTokens.forNewAccount(database, "OPERATOR"));
    }

    private HttpRequest.Builder postTo(String path) {
        return request(path).POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder getFrom(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
