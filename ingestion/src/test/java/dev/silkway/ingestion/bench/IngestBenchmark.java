package dev.silkway.ingestion.bench;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueWriter;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.pipeline.ReadAhead;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code ingest}: N generated Pinduoduo-shaped raw offers through the real parse → normalize → bulk-merge path (parsed
 * on a {@link ReadAhead} thread, as the normalize step does), and the same pre-normalized rows loaded into the same
 * tables (a) by COPY into staging + one merge per table (the limit, {@link LimitLoad}) and (b) by Spring Batch's
 * {@code JdbcBatchItemWriter} with {@code INSERT … ON CONFLICT} (the usual way, {@link UsualLoad}); then the same N
 * re-ingested with 1% changed against a parse-only pass of the same read-ahead parse, in {@value #ROUNDS} rounds
 * of alternating order (the ratio is of their sums: one pass alone moves with the machine's noise). Each way loads
 * into its own fresh database of the test PostgreSQL, one transaction per chunk; the limit and the usual way are
 * timed without their parsing, the pipeline with it. A {@code CHECKPOINT} (not timed) precedes every timed load, so
 * that none pays for flushing the pages an earlier one dirtied.
 */
public final class IngestBenchmark {

    /**
     * The defaults of {@code silkway.ingestion.chunk-size} and {@code chunk-max-chars}: a chunk ends at whichever comes
     * first, and the read-ahead runs up to a chunk ahead, as in the step (these offers' ~510 characters of JSON each make
     * chunks of 5,000).
     */
    private static final int CHUNK = 5_000;

    private static final int CHUNK_MAX_CHARS = 4_000_000;

    private static final int ROUNDS = 3;
    private static final int WARM_UP = 20_000;
    private static final double VS_LIMIT = 0.5;
    private static final double VS_USUAL = 1.5;
    private static final double REINGEST_VS_PARSE = 1.3;
    /** The default of {@code silkway.ingestion.vacuum-after-written}. */
    private static final long VACUUM_AFTER_WRITTEN = 20_000;

    private final BenchOffers offers = new BenchOffers();
    private final int n;

    private IngestBenchmark(int n) {
        this.n = n;
    }

    public static void main(String[] args) throws Exception {
        int n = 1_000_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--offers")) {
                n = Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        new IngestBenchmark(n).run();
        System.exit(0);
    }

    private void run() throws Exception {
        offers.parse(0, WARM_UP, 0); // the parser's JIT warm-up, so that no way pays for it
        double pipeline;
        long reingest = 0;
        long parse = 0;
        try (Connection c = connect("bench_pipeline")) {
            checkpoint(c);
            pipeline = perSecond(pipeline(c, 0));
            checkpoint(c);
            for (int round = 1; round <= ROUNDS; round++) {
                boolean parseFirst = round % 2 == 1;
                long parseRound = parseFirst ? parseOnly(round) : 0;
                long reingestRound = pipeline(c, round);
                parseRound = parseFirst ? parseRound : parseOnly(round);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: re-ingest (1%% changed) %d ms, parse-only %d ms: %.2f%n",
                        round,
                        reingestRound / 1_000_000,
                        parseRound / 1_000_000,
                        (double) reingestRound / parseRound);
                reingest += reingestRound;
                parse += parseRound;
            }
            System.out.println(counts(c));
        }
        System.out.printf(
                Locale.ROOT,
                "re-ingest (1%% changed) %d ms, parse-only %d ms in %d rounds: reingest_vs_parse %.2f%n",
                reingest / 1_000_000,
                parse / 1_000_000,
                ROUNDS,
                (double) reingest / parse);
        double limit;
        try (Connection c = connect("bench_limit")) {
            checkpoint(c);
            limit = perSecond(limit(new LimitLoad(c)));
            System.out.println(counts(c));
        }
        double usual;
        try (Connection c = connect("bench_usual")) {
            checkpoint(c);
            usual = perSecond(usual(new UsualLoad(new SingleConnectionDataSource(c, true))));
            System.out.println(counts(c));
        }
        report(pipeline, limit, usual, (double) reingest / parse);
    }

    /**
     * The real path: parse and normalize on the read-ahead thread, content-hash check and bulk merge with history and
     * outbox on this one; one commit per chunk. Like the normalize step, a pass that wrote at least {@link
     * #VACUUM_AFTER_WRITTEN} products then vacuums the catalogue tables, inside the timed pass.
     */
    private long pipeline(Connection c, int generation) throws Exception {
        CatalogueWriter writer = new CatalogueWriter(null);
        long start = System.nanoTime();
        long written = 0;
        try (ReadAhead<BenchOffers.Read> parsed = offers.readAhead(n, generation, CHUNK, CHUNK_MAX_CHARS)) {
            List<CatalogueOffer> chunk = new ArrayList<>(CHUNK);
            long chars = 0;
            for (BenchOffers.Read next = parsed.next(); next != null; next = parsed.next()) {
                if (next.parsed() instanceof ParseOutcome.Accepted<CatalogueOffer> a) {
                    chunk.add(a.offer());
                }
                chars += next.chars();
                if (chunk.size() == CHUNK || chars >= CHUNK_MAX_CHARS) {
                    written += write(writer, c, chunk);
                    chunk.clear();
                    chars = 0;
                }
            }
            written += write(writer, c, chunk);
        }
        long elapsed = System.nanoTime() - start;
        if (written >= VACUUM_AFTER_WRITTEN) {
            long vacuumStart = System.nanoTime();
            CatalogueWriter.tidyAfterBulk(c);
            long vacuum = System.nanoTime() - vacuumStart;
            elapsed += vacuum;
            System.out.printf(
                    Locale.ROOT, "pipeline pass %d: VACUUM (ANALYZE) %d ms%n", generation, vacuum / 1_000_000);
        }
        System.out.printf(
                Locale.ROOT,
                "pipeline pass %d: %d written of %d in %d ms%n",
                generation,
                written,
                n,
                elapsed / 1_000_000);
        return elapsed;
    }

    private static int write(CatalogueWriter writer, Connection c, List<CatalogueOffer> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return 0;
        }
        int written = writer.write(c, BenchOffers.FEED, chunk, 1).written();
        c.commit();
        return written;
    }

    /** The same parse on the same read-ahead thread, and nothing else. */
    private long parseOnly(int generation) throws Exception {
        long start = System.nanoTime();
        long accepted = 0;
        try (ReadAhead<BenchOffers.Read> parsed = offers.readAhead(n, generation, CHUNK, CHUNK_MAX_CHARS)) {
            for (BenchOffers.Read next = parsed.next(); next != null; next = parsed.next()) {
                if (next.parsed() instanceof ParseOutcome.Accepted<?>) {
                    accepted++;
                }
            }
        }
        if (accepted != n) {
            throw new IllegalStateException("only " + accepted + " of " + n + " offers parsed");
        }
        return System.nanoTime() - start;
    }

    /** Writes every dirty page now, outside any timed pass. */
    private static void checkpoint(Connection c) throws Exception {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
        c.setAutoCommit(false);
    }

    private long limit(LimitLoad load) throws Exception {
        long elapsed = 0;
        for (int from = 0; from < n; from += CHUNK) {
            List<CatalogueOffer> chunk = offers.parse(from, Math.min(n, from + CHUNK), 0);
            long start = System.nanoTime();
            load.load(chunk);
            elapsed += System.nanoTime() - start;
        }
        return elapsed;
    }

    private long usual(UsualLoad load) {
        long elapsed = 0;
        for (int from = 0; from < n; from += CHUNK) {
            List<CatalogueOffer> chunk = offers.parse(from, Math.min(n, from + CHUNK), 0);
            long start = System.nanoTime();
            load.load(chunk);
            elapsed += System.nanoTime() - start;
        }
        return elapsed;
    }

    private void report(double pipeline, double limit, double usual, double reingestVsParse) {
        double vsLimit = pipeline / limit;
        double vsUsual = pipeline / usual;
        System.out.printf(
                Locale.ROOT,
                "pipeline %.0f offers/s, limit (COPY + merge) %.0f/s, usual (JdbcBatchItemWriter) %.0f/s%n",
                pipeline,
                limit,
                usual);
        System.out.printf(
                Locale.ROOT,
                "vs_limit %.2f (target >= %.1f: %s), vs_usual %.2f (target >= %.1f: %s),"
                        + " reingest_vs_parse %.2f (target <= %.1f: %s)%n",
                vsLimit,
                VS_LIMIT,
                verdict(vsLimit >= VS_LIMIT),
                vsUsual,
                VS_USUAL,
                verdict(vsUsual >= VS_USUAL),
                reingestVsParse,
                REINGEST_VS_PARSE,
                verdict(reingestVsParse <= REINGEST_VS_PARSE));
        System.out.printf(
                Locale.ROOT,
                "BENCH ingest offers=%d pipeline_per_s=%.0f limit_per_s=%.0f usual_per_s=%.0f vs_limit=%.2f"
                        + " vs_usual=%.2f reingest_vs_parse=%.2f%n",
                n,
                pipeline,
                limit,
                usual,
                vsLimit,
                vsUsual,
                reingestVsParse);
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    /** What a way left in its database: the same counts for all three show they wrote the same rows. */
    private static String counts(Connection c) throws Exception {
        StringBuilder out = new StringBuilder("rows in " + c.getCatalog() + ":");
        try (Statement st = c.createStatement()) {
            for (String table : List.of(
                    "products",
                    "skus",
                    "sku_prices",
                    "sku_price_history",
                    "sku_stock",
                    "sku_stock_history",
                    "product_images",
                    "product_attributes",
                    "brands",
                    "marketplace_categories",
                    "outbox_events")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    out.append(' ').append(table).append('=').append(rs.getLong(1));
                }
            }
        }
        c.commit();
        return out.toString();
    }

    private static Connection connect(String purpose) throws Exception {
        Connection c = DriverManager.getConnection(
                TestDatabases.jdbcUrl(TestDatabases.fresh(purpose)),
                Services.postgres().user(),
                Services.postgres().password());
        c.setAutoCommit(false);
        return c;
    }

    private double perSecond(long nanos) {
        return n / (nanos / 1e9);
    }
}
