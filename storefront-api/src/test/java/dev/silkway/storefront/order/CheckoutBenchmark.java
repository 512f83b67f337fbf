package dev.silkway.storefront.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.CheckoutCatalogue;
import dev.silkway.storefront.KeepAliveClient;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The {@code checkout} benchmark: N concurrent shoppers (default 64) each buy {@code bench.rounds}
 * times (default 20) one unit of a random SKU among a few with little stock (contention: about half the
 * attempts find it sold out), through the real API: add to cart, quote, place the order, each shopper on
 * their own keep-alive connection ({@link KeepAliveClient}: the load generator runs in the server's JVM,
 * and the JDK's HttpClient would take several times its CPU from the server it measures). Then the
 * limit, on the same database and the same number of threads: the same rows (cart line, quote, order,
 * line, history, outbox event, hold, payment attempt and its provider's answer), with the contents the API
 * wrote (its quote's items and lines, its order's snapshot and encrypted address, its event's payload),
 * written by a plain JDBC loop in the order the API writes them, each SQL statement as the API has it.
 * Both paths first run unmeasured rounds on SKUs of ample stock until the JIT has compiled them: at least
 * {@code bench.warmUpRounds} (3), then more until a round spends under 5% of its time compiling, at most
 * {@code bench.maxWarmUpRounds} (60: the storefront's path takes 40 to 60 rounds to get there). Each
 * measured phase starts once the outbox has published what came before it, so that neither path pays for
 * the other's events, and the two paths alternate ({@code bench.pairs}, default 6, API then SQL, each phase on
 * SKUs of its own): orders/s of a path are its orders over its phases' time. The sandbox's YooKassa is paced at 1000 calls/s here (the storefront's default, 100,
 * is its courtesy to the real provider and would measure the pace, not the storefront). Checks that no SKU
 * ever has more units held or sold than its stock. Target orders/s ≥ 0.3× the plain SQL path, oversold = 0.
 *
 * <p>Run: {@code ./silkway bench checkout [-Dbench.shoppers=64] [-Dbench.rounds=20] [-Dbench.pairs=6]
 * [-Dbench.jfr=DIR]}.
 */
class CheckoutBenchmark extends StorefrontIntegrationTest {

    private static final int SKUS = 8;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    /** A shopper with their own keep-alive connection (one task at a time uses a buyer). */
    private record Buyer(Shoppers.Session session, String addressId, KeepAliveClient http) {}

    /** A status and the JSON body of one answer. */
    private record Answer(int status, JsonNode json) {}

    /** What the API wrote for one order, written again as is by the SQL path. */
    private record Written(
            String quoteItems,
            String quoteLines,
            byte[] address,
            String snapshot,
            String event,
            String providerPaymentId,
            String confirmationUrl) {}

    @DynamicPropertySource
    static void providerPace(DynamicPropertyRegistry registry) {
        registry.add("silkway.payments.yookassa.requests-per-second", () -> "1000");
    }

    @Test
    void checkoutAgainstThePlainSqlPath() throws Exception {
        int shoppers = Integer.getInteger("bench.shoppers", 64);
        int rounds = Integer.getInteger("bench.rounds", 20);
        int pairs = Integer.getInteger("bench.pairs", 6);
        int stock = Math.max(1, shoppers * rounds / (2 * SKUS));
        var catalogue = new CheckoutCatalogue(jdbc);
        catalogue.rate("CNY", "12.5");
        catalogue.rate("EUR", "100");
        List<Buyer> buyers = buyers(shoppers);
        // Warm-up, not measured: both paths on SKUs of ample stock, so the JIT has compiled the API's
        // path before it is timed (the keys of these rounds are apart from the measured ones). Three
        // rounds were not enough: JFR showed C1 and C2 compiling 200 methods a second, with queues of
        // 10-30, all through the measured API phase, so the API was timed half interpreted.
        List<CheckoutCatalogue.Sku> warmSkus = skus(catalogue, "warm-up", 1_000_000);
        int apiWarmUp = warmUp(shoppers, buyers, (buyer, round) -> buy(buyer, pick(warmSkus), 1_000 + round));
        Written written = writtenByTheApi();
        int sqlWarmUp =
                warmUp(shoppers, buyers, (buyer, round) -> writeOrder(buyer, pick(warmSkus), 1_000 + round, written));
        System.out.printf(Locale.ROOT, "checkout: warm-up rounds API %d, SQL %d%n", apiWarmUp, sqlWarmUp);
        flightRecordings("JFR.start", "name=checkout", "settings=profile");

        // Measured: the two paths alternate, pair after pair, each phase on SKUs of its own, so that whatever
        // else the machine does now and then (a checkpoint, autovacuum, the relay's catch-up) falls on both.
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger apiOrders = new AtomicInteger();
        AtomicInteger sqlOrders = new AtomicInteger();
        long apiNanos = 0;
        long sqlNanos = 0;
        Cpu apiCpu = new Cpu(0, 0, 0, 0, 0);
        Cpu sqlCpu = new Cpu(0, 0, 0, 0, 0);
        List<CheckoutCatalogue.Sku> measured = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            int base = pair * rounds;
            List<CheckoutCatalogue.Sku> apiSkus = skus(catalogue, "api " + pair, stock);
            List<CheckoutCatalogue.Sku> sqlSkus = skus(catalogue, "sql " + pair, stock);
            measured.addAll(apiSkus);
            measured.addAll(sqlSkus);
            int apiBefore = apiOrders.get();
            int sqlBefore = sqlOrders.get();
            outboxPublished();
            Cpu apiCpuBefore = Cpu.now();
            long api = run(
                    shoppers,
                    buyers,
                    (buyer, round) -> {
                        long start = System.nanoTime();
                        if (buy(buyer, pick(apiSkus), base + round)) {
                            latencies.add(System.nanoTime() - start);
                            apiOrders.incrementAndGet();
                        }
                    },
                    rounds);
            apiCpu = apiCpu.plus(Cpu.now().minus(apiCpuBefore));
            outboxPublished();
            Cpu sqlCpuBefore = Cpu.now();
            long sql = run(
                    shoppers,
                    buyers,
                    (buyer, round) -> {
                        if (writeOrder(buyer, pick(sqlSkus), base + round, written)) {
                            sqlOrders.incrementAndGet();
                        }
                    },
                    rounds);
            sqlCpu = sqlCpu.plus(Cpu.now().minus(sqlCpuBefore));
            apiNanos += api;
            sqlNanos += sql;
            System.out.printf(
                    Locale.ROOT,
                    "checkout: pair %d: API %d orders in %.1f s (%.1f/s), SQL %d in %.1f s (%.1f/s)%n",
                    pair + 1,
                    apiOrders.get() - apiBefore,
                    api / 1e9,
                    (apiOrders.get() - apiBefore) / (api / 1e9),
                    sqlOrders.get() - sqlBefore,
                    sql / 1e9,
                    (sqlOrders.get() - sqlBefore) / (sql / 1e9));
        }

        flightRecordings("JFR.stop", "name=checkout", "filename=");
        serverTimes();
        long oversold = oversold(measured, stock);
        Collections.sort(latencies);
        double apiPerS = apiOrders.get() / (apiNanos / 1e9);
        double sqlPerS = sqlOrders.get() / (sqlNanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "checkout: %d attempts each path, stock %d x %d SKUs a phase; API %d orders in %.1f s, SQL %d in %.1f s%n",
                pairs * shoppers * rounds,
                stock,
                SKUS,
                apiOrders.get(),
                apiNanos / 1e9,
                sqlOrders.get(),
                sqlNanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "checkout: CPU per order: API %s, SQL %s%n",
                apiCpu.perOrder(apiOrders.get()),
                sqlCpu.perOrder(sqlOrders.get()));
        System.out.printf(
                Locale.ROOT,
                "BENCH checkout shoppers=%d orders=%d orders_per_s=%.1f sql_per_s=%.1f vs_sql=%.2f p50_ms=%.0f"
                        + " p99_ms=%.0f oversold=%d%n",
                shoppers,
                apiOrders.get(),
                apiPerS,
                sqlPerS,
                apiPerS / sqlPerS,
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                oversold);
        assertThat(oversold).isZero();
        assertThat(apiOrders.get()).isPositive();
    }

    /**
     * CPU time spent (ms): by the whole machine (every core, from /proc/stat), by this JVM (the storefront and the
     * shoppers) and of that by its JIT compilers, by PostgreSQL's processes and by the sandbox's JVM.
     */
    private record Cpu(double machine, double jvm, double jit, double postgres, double sandbox) {

        static Cpu now() throws IOException {
            String[] total =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long ticks = 0;
            for (int i = 1; i <= 7; i++) { // user, nice, system, (idle, iowait), irq, softirq
                if (i != 4 && i != 5) {
                    ticks += Long.parseLong(total[i]);
                }
            }
            long jit = 0;
            for (Path task : list(Path.of("/proc/self/task"))) {
                String name = name(task);
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks(task);
                }
            }
            long postgres = 0;
            long sandbox = 0;
            for (Path process : list(Path.of("/proc"))) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String name = name(process);
                if (name.equals("postgres")) {
                    postgres += ticks(process);
                } else if (name.equals("java") && commandLine(process).contains("sandbox")) {
                    sandbox += ticks(process);
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Cpu(ticks * 10.0, os.getProcessCpuTime() / 1e6, jit * 10.0, postgres * 10.0, sandbox * 10.0);
        }

        private static List<Path> list(Path directory) throws IOException {
            try (var entries = Files.list(directory)) {
                return entries.toList();
            }
        }

        private static String stat(Path process) {
            try {
                return Files.readString(process.resolve("stat"));
            } catch (IOException gone) {
                return "(gone) X";
            }
        }

        private static String name(Path process) {
            String stat = stat(process);
            return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        }

        /** User and system ticks (1/100 s) of a process or thread. */
        private static long ticks(Path process) {
            String stat = stat(process);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields.length < 13 ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static String commandLine(Path process) {
            try {
                return Files.readString(process.resolve("cmdline"));
            } catch (IOException gone) {
                return "";
            }
        }

        Cpu minus(Cpu o) {
            return new Cpu(machine - o.machine, jvm - o.jvm, jit - o.jit, postgres - o.postgres, sandbox - o.sandbox);
        }

        Cpu plus(Cpu o) {
            return new Cpu(machine + o.machine, jvm + o.jvm, jit + o.jit, postgres + o.postgres, sandbox + o.sandbox);
        }

        String perOrder(int orders) {
            return String.format(
                    Locale.ROOT,
                    "%.1f ms (this JVM %.1f, of which JIT %.1f; PostgreSQL %.1f; sandbox %.1f)",
                    machine / orders,
                    jvm / orders,
                    jit / orders,
                    postgres / orders,
                    sandbox / orders);
        }
    }

    private interface Attempt {
        void run(Buyer buyer, int round) throws Exception;
    }

    /**
     * Unmeasured rounds, one at a time, until one spends under 5% of its wall time in the JIT compilers
     * (and at least {@code bench.warmUpRounds}, at most {@code bench.maxWarmUpRounds}); the rounds run.
     */
    private static int warmUp(int threads, List<Buyer> buyers, Attempt attempt) throws Exception {
        int least = Integer.getInteger("bench.warmUpRounds", 3);
        int most = Math.max(least, Integer.getInteger("bench.maxWarmUpRounds", 60));
        var compiler = ManagementFactory.getCompilationMXBean();
        for (int round = 0; round < most; round++) {
            long compiledMs = compiler.getTotalCompilationTime();
            long roundNanos = run(threads, buyers, offset(attempt, round), 1);
            long compilingMs = compiler.getTotalCompilationTime() - compiledMs;
            if (round + 1 >= least && compilingMs * 1e6 < 0.05 * roundNanos) {
                return round + 1;
            }
        }
        return most;
    }

    /** Waits until the outbox relay has published every event written so far. */
    private void outboxPublished() {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** The attempt of round {@code base + round} where {@link #run} counts rounds from 0. */
    private static Attempt offset(Attempt attempt, int base) {
        return (buyer, round) -> attempt.run(buyer, base + round);
    }

    private static long run(int threads, List<Buyer> buyers, Attempt attempt, int rounds) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Void>> done = new ArrayList<>();
            for (Buyer buyer : buyers) {
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int round = 0; round < rounds; round++) {
                        attempt.run(buyer, round);
                    }
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        }
        return System.nanoTime() - start;
    }

    /** Cart, quote, order; false when the SKU sold out on the way (the cart is emptied for the next round). */
    private boolean buy(Buyer buyer, CheckoutCatalogue.Sku sku, int round) throws IOException {
        Answer added = send(
                buyer,
                "POST",
                "/api/v1/cart/items",
                Map.of("productId", Long.toString(sku.productId()), "skuId", Long.toString(sku.skuId()), "quantity", 1),
                Map.of());
        if (added.status() != 201) {
            return false;
        }
        Answer quote = send(
                buyer,
                "POST",
                "/api/v1/checkout/quote",
                Map.of(
                        "addressId",
                        buyer.addressId(),
                        "deliveryMethod",
                        "AIR",
                        "cartVersion",
                        added.json().path("version").asLong()),
                Map.of());
        boolean ordered = quote.status() == 200
                && send(
                                        buyer,
                                        "POST",
                                        "/api/v1/orders",
                                        Map.of(
                                                "quoteId",
                                                quote.json().path("quoteId").asString(),
                                                "addressId",
                                                buyer.addressId(),
                                                "deliveryMethod",
                                                "AIR",
                                                "paymentMethod",
                                                "CARD"),
                                        Map.of("Idempotency-Key", "bench-" + round))
                                .status()
                        == 201;
        if (!ordered) {
            for (var item : added.json().path("items")) {
                send(
                        buyer,
                        "DELETE",
                        "/api/v1/cart/items/" + item.path("itemId").asString(),
                        null,
                        Map.of());
            }
        }
        return ordered;
    }

    /** One request on the buyer's own connection, signed in as the buyer. */
    private static Answer send(Buyer buyer, String method, String path, Object body, Map<String, String> headers)
            throws IOException {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Bearer " + buyer.session().accessToken());
        int status = buyer.http().send(method, path, all, body == null ? null : Api.json.writeValueAsBytes(body));
        byte[] answer = buyer.http().body();
        return new Answer(status, answer.length == 0 ? Api.json.nullNode() : Api.json.readTree(answer));
    }

    /** The contents of the rows the API wrote for one of its warm-up orders. */
    private Written writtenByTheApi() {
        return jdbc.sql("""
                        SELECT q.items::text, q.lines::text, o.shipping_address_enc, o.snapshot::text, e.payload::text,
                            p.provider_payment_id, p.confirmation_url
                        FROM orders o JOIN quotes q ON q.id = o.quote_id
                        JOIN outbox_events e ON e.aggregate_type = 'order' AND e.aggregate_id = o.id::text
                        JOIN payments p ON p.order_id = o.id
                        WHERE o.idempotency_key LIKE 'bench-%' AND p.confirmation_url IS NOT NULL LIMIT 1""")
                .query((rs, n) -> new Written(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .single();
    }

    /**
     * The rows the API's flow writes, and nothing else, with the API's contents and in the API's order:
     * the cart line (cart touched), the quote, then in one transaction the order, its line, history row
     * and outbox event, the cart line deleted, the hold (a sold-out SKU rolls the order back) and the
     * payment attempt; then the provider's answer stored on the attempt.
     */
    private boolean writeOrder(Buyer buyer, CheckoutCatalogue.Sku sku, int round, Written written) {
        UUID placed = transactions.execute(status -> {
            UUID cart =
                    jdbc.sql("""
                            INSERT INTO carts (user_id) VALUES (?)
                            ON CONFLICT (user_id) DO UPDATE SET updated_at = now() RETURNING id""").param(buyer.session().id()).query(UUID.class).single();
            jdbc.sql("""
                            INSERT INTO cart_items (cart_id, sku_id, quantity, seen_price_minor, seen_currency)
                            VALUES (?, ?, 1, 10000, 'CNY')""").params(cart, sku.skuId()).update();
            UUID quote = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO quotes (id, user_id, cart_version, address_id, country, delivery_method, insurance,
                                cny_rate, cny_rate_date, eur_rate, eur_rate_date, items, lines, total_minor,
                                chargeable_weight_grams, estimated_weights, expires_at)
                            VALUES (?, ?, 1, ?, 'RU', 'AIR', false, 12.5, CURRENT_DATE, 100, CURRENT_DATE,
                                CAST(? AS jsonb), CAST(? AS jsonb), 208650, 500, false, now() + interval '15 minutes')""")
                    .params(
                            quote,
                            buyer.session().id(),
                            UUID.fromString(buyer.addressId()),
                            written.quoteItems(),
                            written.quoteLines())
                    .update();
            UUID id = jdbc.sql("""
                            INSERT INTO orders (user_id, idempotency_key, request_hash, status, delivery_method,
                                payment_method, quote_id, address_id, shipping_country, shipping_address_enc, pii_key_id,
                                currency,
                                goods_minor, china_delivery_minor, international_delivery_minor, commission_minor,
                                total_minor, goods_cny_minor, exchange_rate, exchange_rate_date, chargeable_weight_grams,
                                snapshot, reserved_until, holds_stock)
                            VALUES (?, ?, ?, 'AWAITING_PAYMENT', 'AIR', 'CARD', ?, ?, 'RU', ?, 'k1', 'RUB', 125000, 18750,
                                45000, 19900, 208650, 10000, 12.5, CURRENT_DATE, 500, CAST(? AS jsonb),
                                now() + interval '15 minutes', true)
                            RETURNING id""")
                    .params(
                            buyer.session().id(),
                            "sql-" + round,
                            new byte[32],
                            quote,
                            UUID.fromString(buyer.addressId()),
                            written.address(),
                            written.snapshot())
                    .query(UUID.class)
                    .single();
            jdbc.sql("""
                            INSERT INTO order_lines (order_id, line_no, product_id, sku_id, marketplace_code,
                                external_product_id, external_sku_id, title, sku_attributes, quantity,
                                source_unit_price_minor, unit_price_minor, currency, line_total_minor)
                            SELECT ?, 1, p.id, k.id, p.marketplace_code, p.external_id, k.external_id, p.title_original,
                                   k.attributes, 1, 10000, 125000, 'RUB', 125000
                            FROM skus k JOIN products p ON p.id = k.product_id WHERE k.id = ?""").params(id, sku.skuId()).update();
            jdbc.sql("""
                            INSERT INTO order_status_history (order_id, to_status, source, changed_by)
                            VALUES (?, 'AWAITING_PAYMENT', 'SHOPPER', ?)""").params(id, buyer.session().id()).update();
            jdbc.sql("""
                            INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                            VALUES ('order', ?, 'OrderPlaced', CAST(? AS jsonb))""").params(id.toString(), written.event()).update();
            jdbc.sql("DELETE FROM cart_items WHERE cart_id = ? AND sku_id = ?")
                    .params(cart, sku.skuId())
                    .update();
            int held = jdbc.sql("""
                            INSERT INTO sku_holds AS h (sku_id, held)
                            SELECT s.sku_id, 1 FROM sku_stock s
                            WHERE s.sku_id = ? AND s.in_stock AND (s.quantity IS NULL OR 1 <= s.quantity)
                            ON CONFLICT (sku_id) DO UPDATE SET held = h.held + EXCLUDED.held, updated_at = now()
                            WHERE EXISTS (SELECT 1 FROM sku_stock s WHERE s.sku_id = h.sku_id AND s.in_stock
                                          AND (s.quantity IS NULL OR h.held + EXCLUDED.held <= s.quantity))""").param(sku.skuId()).update();
            if (held != 1) {
                status.setRollbackOnly();
                return null;
            }
            UUID payment = jdbc.sql("""
                            INSERT INTO payments (order_id, attempt, provider, method, idempotence_key, amount_minor,
                                currency, expires_at)
                            VALUES (?, 1, 'YOOKASSA', 'CARD', ?, 208650, 'RUB', now() + interval '15 minutes')
                            RETURNING id""")
                    .params(id, UUID.randomUUID())
                    .query(UUID.class)
                    .single();
            return payment;
        });
        if (placed == null) {
            return false;
        }
        jdbc.sql("""
                        UPDATE payments SET provider_payment_id = ?, provider_status = 'pending', confirmation_url = ?,
                            status = CASE WHEN status = 'CREATED' THEN 'PENDING' ELSE status END,
                            updated_at = now(), version = version + 1
                        WHERE id = ?""")
                .params(UUID.randomUUID().toString(), written.confirmationUrl(), placed)
                .update();
        return true;
    }

    /**
     * With {@code -Dbench.jfr=DIR}, Flight Recordings (JFR's "profile" settings) of the measured phases, of this JVM
     * (the storefront and the shoppers) in {@code DIR/storefront.jfr} and of the sandbox in {@code DIR/sandbox.jfr},
     * started and stopped with {@code jcmd}; Spring's deep stacks need
     * {@code -DargLine=-XX:FlightRecorderOptions:stackdepth=512}.
     */
    private static void flightRecordings(String command, String name, String option) throws Exception {
        String directory = System.getProperty("bench.jfr");
        if (directory == null) {
            return;
        }
        Map<String, Long> jvms = new HashMap<>();
        jvms.put("storefront", ProcessHandle.current().pid());
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").matches(".*sandbox[^ ]*-exec\\.jar.*"))
                .forEach(p -> jvms.put("sandbox", p.pid()));
        for (var jvm : jvms.entrySet()) {
            String argument = option.endsWith("=") ? option + Path.of(directory, jvm.getKey() + ".jfr") : option;
            int exit = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(jvm.getValue()),
                            command,
                            name,
                            argument)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            Path.of(directory, "jcmd.log").toFile()))
                    .start()
                    .waitFor();
            System.out.printf(Locale.ROOT, "checkout: %s %s: jcmd exit %d%n", command, jvm.getKey(), exit);
        }
    }

    /** Where the API's time goes: the server's own time per endpoint (warm-up included). */
    private void serverTimes() {
        for (Timer timer : meters.find("http.server.requests").timers()) {
            String uri = timer.getId().getTag("uri");
            if (uri != null
                    && (uri.startsWith("/api/v1/cart")
                            || uri.startsWith("/api/v1/checkout")
                            || uri.startsWith("/api/v1/orders"))) {
                System.out.printf(
                        Locale.ROOT,
                        "server %s %s %s: %d requests, mean %.1f ms, max %.1f ms%n",
                        timer.getId().getTag("method"),
                        uri,
                        timer.getId().getTag("status"),
                        timer.count(),
                        timer.mean(TimeUnit.MILLISECONDS),
                        timer.max(TimeUnit.MILLISECONDS));
            }
        }
    }

    private List<CheckoutCatalogue.Sku> skus(CheckoutCatalogue catalogue, String label, int stock) {
        List<CheckoutCatalogue.Sku> skus = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            var sku = catalogue.product("bags", "Bench " + label + " " + i, 10_000, stock);
            catalogue.weight(sku, 400, 200, 150, 100);
            skus.add(sku);
        }
        return skus;
    }

    private List<Buyer> buyers(int count) {
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var session = Shoppers.signUp(api);
            String address = api.post(
                            "/api/v1/me/addresses", new HashMap<>(Shoppers.moscowAddress()), session.accessToken())
                    .text("id");
            buyers.add(new Buyer(session, address, new KeepAliveClient("127.0.0.1", port)));
        }
        return buyers;
    }

    private static CheckoutCatalogue.Sku pick(List<CheckoutCatalogue.Sku> skus) {
        return skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
    }

    /** Units held or sold beyond the stock, over the SKUs. */
    private long oversold(List<CheckoutCatalogue.Sku> skus, int stock) {
        long over = 0;
        for (var sku : skus) {
            long held = jdbc.sql("SELECT COALESCE((SELECT held FROM sku_holds WHERE sku_id = ?), 0)")
                    .param(sku.skuId())
                    .query(Long.class)
                    .single();
            long sold = jdbc.sql("""
                            SELECT COALESCE(sum(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id
                            WHERE l.sku_id = ? AND o.status <> 'CANCELLED'""").param(sku.skuId()).query(Long.class).single();
            over += Math.max(0, held - stock) + Math.max(0, sold - stock);
        }
        return over;
    }

    private static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
    }
}
