package dev.silkway.storefront.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.elastic.search.ProductDocument;
import dev.silkway.elastic.search.ProductDocuments;
import dev.silkway.elastic.search.ProductQuery;
import dev.silkway.elastic.search.ProductSearchRequests;
import dev.silkway.storefront.KeepAliveClient;
import dev.silkway.testsupport.GeneratedCatalogue;
import dev.silkway.testsupport.Services;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code search} benchmark: 16 concurrent clients run a mix of faceted queries (Russian, Chinese,
 * English, and the multilingual cases: case forms, keyboard layout, transliteration, typo, brand
 * script, one CJK character) for a fixed time
 * against the API (HTTP, validation, rate conversion, JSON) and, alternating in rounds, the very same
 * Elasticsearch requests sent directly with the client; p50/p99 of both. Target: API p99 ≤ 1.3×
 * direct p99.
 *
 * <p>Run: {@code ./mvnw -pl storefront-api verify -Dit.test=SearchBenchmark [-Dbench.docs=20000]
 * [-Dbench.seconds=40]}.
 */
class SearchBenchmark extends CatalogueIntegrationTest {

    private static final int CLIENTS = 16;

    private static final int MAX_WARM_UP_PAIRS = 6;

    private static final List<String> MIX = List.of(
            "q=" + Http.enc("кроссовки"),
            "q=" + Http.enc("кроссовки") + "&marketplace=taobao",
            "category=shoes&sort=price_asc",
            "q=" + Http.enc("手机") + "&sort=rating",
            "brand=Nike&priceMin=1000&priceMax=20000",
            "sort=popular&inStock=true",
            "q=hoodie&ratingMin=4",
            "q=" + Http.enc("куртка зимние") + "&category=clothing&marketplace=jd&marketplace=poizon",
            "sort=newest&marketplace=pinduoduo",
            "q=" + Http.enc("Xiaomi смартфон") + "&sort=price_desc",
            // The multilingual queries: a genitive plural, the wrong keyboard layout, a transliteration, a
            // typo, a brand in Latin, Cyrillic and Chinese, one Chinese character.
            "q=" + Http.enc("наушников") + "&sort=rating",
            "q=rhjccjdrb",
            "q=krossovki&inStock=true",
            "q=" + Http.enc("пуховек"),
            "q=Anta",
            "q=" + Http.enc("Анта"),
            "q=" + Http.enc("安踏") + "&sort=popular",
            "q=" + Http.enc("鞋") + "&marketplace=taobao");

    @Autowired
    SearchQueries queries;

    @Autowired
    ExchangeRates rates;

    @Test
    void apiAddsLittleToElasticsearchLatency() throws Exception {
        int docs = Integer.getInteger("bench.docs", 20_000);
        int seconds = Integer.getInteger("bench.seconds", 40);
        prepare(docs);
        BigDecimal rate = rates.cnyRate();
        // The brands' spellings are cached for a minute: both paths search "Anta" as the brand once it is known.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> queries.parse(parameters("q=Anta"), rate).namedBrandId() != null);
        List<SearchParameters> parameters =
                MIX.stream().map(SearchBenchmark::parameters).toList();
        List<ProductQuery> direct =
                parameters.stream().map(p -> queries.parse(p, rate)).toList();

        try (KeepAliveClient http = new KeepAliveClient("127.0.0.1", port)) {
            for (String query : MIX) {
                String path = "/api/v1/products?" + query;
                assertThat(http.get(path)).isEqualTo(200);
                assertThat(new String(http.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .as("the load generator reads the same answer as the JDK's client")
                        .isEqualTo(api.get(path).raw().body());
            }
        }
        warmUp(seconds / 8.0, direct);
        List<Long> apiLatencies = new ArrayList<>();
        List<Long> directLatencies = new ArrayList<>();
        CpuTime apiCpu = new CpuTime();
        CpuTime directCpu = new CpuTime();
        for (int round = 0; round < 4; round++) {
            apiLatencies.addAll(apiCpu.measure(() -> run(seconds / 8.0, this::apiClient)));
            directLatencies.addAll(directCpu.measure(() -> run(seconds / 8.0, () -> directClient(direct))));
        }
        System.out.printf(
                Locale.ROOT,
                "CPU ms per request: API this JVM %.2f, Elasticsearch %.2f; direct this JVM %.2f, Elasticsearch %.2f;"
                        + " JIT compiling during the API phases %d ms, the direct phases %d ms%n",
                apiCpu.jvmMillis() / apiLatencies.size(),
                apiCpu.elasticsearchMillis() / apiLatencies.size(),
                directCpu.jvmMillis() / directLatencies.size(),
                directCpu.elasticsearchMillis() / directLatencies.size(),
                apiCpu.jitMillis(),
                directCpu.jitMillis());
        System.out.printf(
                Locale.ROOT,
                "CPU ms per request by thread: API request threads %.2f, Elasticsearch client I/O %.2f; direct"
                        + " Elasticsearch client I/O %.2f; background (schedulers, outbox, JIT, GC, the load"
                        + " generator) %.2f API, %.2f direct%n",
                apiCpu.requestThreadMillis() / apiLatencies.size(),
                apiCpu.clientIoMillis() / apiLatencies.size(),
                directCpu.clientIoMillis() / directLatencies.size(),
                apiCpu.otherMillis() / apiLatencies.size(),
                directCpu.otherMillis() / directLatencies.size());

        double apiP50 = percentile(apiLatencies, 0.50);
        double apiP99 = percentile(apiLatencies, 0.99);
        double directP50 = percentile(directLatencies, 0.50);
        double directP99 = percentile(directLatencies, 0.99);
        double ratio = apiP99 / directP99;
        System.out.printf(
                Locale.ROOT,
                "%s search: %d API requests, %d direct requests over %d docs; API p99 %.1f ms vs direct p99 %.1f ms, target <= 1.3x%n",
                ratio <= 1.3 ? "PASS" : "FAIL",
                apiLatencies.size(),
                directLatencies.size(),
                docs,
                apiP99,
                directP99);
        System.out.printf(
                Locale.ROOT,
                "BENCH search clients=%d api_p50_ms=%.1f api_p99_ms=%.1f direct_p50_ms=%.1f direct_p99_ms=%.1f p99_vs_direct=%.2f%n",
                CLIENTS,
                apiP50,
                apiP99,
                directP50,
                directP99,
                ratio);
        assertThat(apiLatencies).isNotEmpty();
    }

    /**
     * Alternating warm-up rounds of both paths until the JIT compiler is nearly idle (under 2% of a
     * pair's time spent compiling) or {@link #MAX_WARM_UP_PAIRS} pairs: a fixed short warm-up on a
     * loaded machine left C2 compiling the API's (much larger) code path during the measured rounds,
     * its CPU and the interpreted code counted against the API.
     */
    private void warmUp(double roundSeconds, List<ProductQuery> direct) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int pair = 1; pair <= MAX_WARM_UP_PAIRS; pair++) {
            long before = jit.getTotalCompilationTime();
            int requests = run(roundSeconds, this::apiClient).size()
                    + run(roundSeconds, () -> directClient(direct)).size();
            long compiling = jit.getTotalCompilationTime() - before;
            System.out.printf(Locale.ROOT, "warm-up %d: %d requests, JIT compiling %d ms%n", pair, requests, compiling);
            if (compiling < 0.02 * 2 * roundSeconds * 1000) {
                return;
            }
        }
    }

    /** One shopper: its own keep-alive connection to the API. */
    private Client apiClient() {
        KeepAliveClient http = new KeepAliveClient("127.0.0.1", port);
        return new Client() {
            @Override
            public boolean call(int index) throws Exception {
                return http.get("/api/v1/products?" + MIX.get(index)) == 200;
            }

            @Override
            public void close() throws Exception {
                http.close();
            }
        };
    }

    /** One client of Elasticsearch: the API's own client (and connection pool), as the API sends it. */
    private Client directClient(List<ProductQuery> direct) {
        return new Client() {
            @Override
            public boolean call(int index) {
                return directSearch(direct.get(index));
            }

            @Override
            public void close() {}
        };
    }

    private boolean directSearch(ProductQuery query) {
        try {
            elastic.search(ProductSearchRequests.search(query), Map.class);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The CPU time that this JVM (the API and the benchmark's clients) and the Elasticsearch node spend
     * during the measured phases: on a shared machine a steadier measure of the API's overhead than
     * latency.
     */
    private static final String REQUEST_THREADS = "http-nio-";

    private static final String CLIENT_IO_THREADS = "elasticsearch-rest-client-";

    private static final class CpuTime {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final ProcessHandle node =
                ProcessHandle.of(Services.elasticsearch().pid()).orElseThrow();
        private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        private long jvmNanos;
        private long elasticsearchNanos;
        private long jitMillis;

        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long requestThreadNanos;
        private long clientIoNanos;

        <T> T measure(Callable<T> phase) throws Exception {
            long jvm = os.getProcessCpuTime();
            long es = elasticsearchCpu();
            long compiling = jit.getTotalCompilationTime();
            long requests = threadCpu(REQUEST_THREADS);
            long clientIo = threadCpu(CLIENT_IO_THREADS);
            T result = phase.call();
            jvmNanos += os.getProcessCpuTime() - jvm;
            elasticsearchNanos += elasticsearchCpu() - es;
            jitMillis += jit.getTotalCompilationTime() - compiling;
            requestThreadNanos += threadCpu(REQUEST_THREADS) - requests;
            clientIoNanos += threadCpu(CLIENT_IO_THREADS) - clientIo;
            return result;
        }

        /**
         * The CPU time of the live threads whose names start so: Tomcat's request threads, which do all the
         * API's own work per request, and the Elasticsearch client's I/O threads, which both paths use.
         */
        private long threadCpu(String prefix) {
            long nanos = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(prefix)) {
                    nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return nanos;
        }

        double requestThreadMillis() {
            return requestThreadNanos / 1e6;
        }

        double clientIoMillis() {
            return clientIoNanos / 1e6;
        }

        /** The rest of this JVM's CPU: background work, JIT, GC and the benchmark's own client threads. */
        double otherMillis() {
            return (jvmNanos - requestThreadNanos - clientIoNanos) / 1e6;
        }

        long jitMillis() {
            return jitMillis;
        }

        private long elasticsearchCpu() {
            return node.info().totalCpuDuration().orElseThrow().toNanos();
        }

        double jvmMillis() {
            return jvmNanos / 1e6;
        }

        double elasticsearchMillis() {
            return elasticsearchNanos / 1e6;
        }
    }

    interface Client extends AutoCloseable {
        boolean call(int index) throws Exception;
    }

    /** CLIENTS threads, each with its own client, calling for the given time; the latencies in nanoseconds. */
    private List<Long> run(double seconds, java.util.function.Supplier<Client> clientFactory) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            clients.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                int i = offset;
                try (Client call = clientFactory.get()) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        boolean ok = call.call(i++ % MIX.size());
                        long took = System.nanoTime() - start;
                        if (!ok) {
                            throw new IllegalStateException("a search failed");
                        }
                        latencies.add(took);
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> client : clients) {
            all.addAll(client.get());
        }
        pool.shutdown();
        return all;
    }

    private static double percentile(List<Long> nanos, double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = Math.max(0, (int) Math.ceil(sorted.length * p) - 1);
        return sorted[index] / 1e6;
    }

    private static SearchParameters parameters(String query) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            values.computeIfAbsent(kv[0], k -> new ArrayList<>())
                    .add(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return new SearchParameters(
                one(values, "q"),
                values.get("category"),
                values.get("marketplace"),
                values.get("brand"),
                one(values, "priceMin"),
                one(values, "priceMax"),
                one(values, "ratingMin"),
                one(values, "inStock"),
                one(values, "sort"),
                one(values, "size"),
                null);
    }

    private static String one(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.getFirst();
    }

    private void prepare(int docs) throws Exception {
        CatalogueFixture fixture = fixture();
        fixture.cnyRate("12.5");
        fixture.emptyIndex();
        GeneratedCatalogue.generate(jdbc, docs);
        ProductDocuments documents = new ProductDocuments(dataSource, CatalogueFixture.PRIOR);
        long last = 0;
        List<Long> ids;
        while (!(ids = documents.visibleIdsAfter(last, 1000)).isEmpty()) {
            List<BulkOperation> operations = new ArrayList<>();
            for (ProductDocument d : documents.load(ids)) {
                operations.add(BulkOperation.of(b -> b.index(i -> i.index(ProductIndex.ALIAS)
                        .id(d.id())
                        .version(d.version())
                        .versionType(VersionType.ExternalGte)
                        .document(d.source()))));
            }
            elastic.bulk(b -> b.operations(operations));
            last = ids.getLast();
        }
        elastic.indices().refresh(r -> r.index(ProductIndex.ALIAS));
        elastic.indices().forcemerge(f -> f.index(ProductIndex.ALIAS).maxNumSegments(1L));
        System.out.println(
                "indexed " + elastic.count(c -> c.index(ProductIndex.ALIAS)).count() + " products; "
                        + Arrays.toString(MIX.toArray()));
    }
}
