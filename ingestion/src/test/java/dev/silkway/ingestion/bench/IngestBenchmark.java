package dev.silkway.ingestion.bench;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueSku;
import dev.silkway.ingestion.catalogue.CatalogueWriter;
import dev.silkway.ingestion.feed.MarketplaceFeed;
import dev.silkway.ingestion.feed.Parsed;
import dev.silkway.ingestion.feed.RawRecord;
import dev.silkway.ingestion.marketplace.common.RetryPolicy;
import dev.silkway.ingestion.marketplace.pinduoduo.PinduoduoClient;
import dev.silkway.ingestion.marketplace.pinduoduo.PinduoduoProperties;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ingest}: N generated Pinduoduo-shaped raw offers through the real parse → normalize → bulk-merge path, and
 * the same pre-normalized rows loaded (a) by COPY into staging + one merge (the limit) and (b) by Spring Batch's
 * {@code JdbcBatchItemWriter} with {@code INSERT … ON CONFLICT} (the usual way); then the same N re-ingested with 1%
 * changed against a parse-only pass. Runs on a fresh database of the test PostgreSQL.
 */
public final class IngestBenchmark {

    private static final int CHUNK = 5_000;

    public static void main(String[] args) throws Exception {
        int offers = 1_000_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--offers")) {
                offers = Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        String database = TestDatabases.fresh("bench");
        String url = TestDatabases.jdbcUrl(database);
        String user = Services.postgres().user();
        String password = Services.postgres().password();
        MarketplaceFeed feed = new MarketplaceFeed(
                PinduoduoClient.create(new PinduoduoProperties(
                        URI.create("http://127.0.0.1:9"),
                        "bench",
                        "bench",
                        "",
                        "",
                        "",
                        100,
                        List.of("52101"),
                        10,
                        1,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        RetryPolicy.defaults(),
                        4000)),
                100);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            prepareTargets(c);
            double pipeline = perSecond(offers, pipeline(c, feed, offers, 0));
            double limit = perSecond(offers, limit(c, feed, offers));
            double usual = perSecond(offers, usual(c, url, user, password, feed, offers));
            long reingest = pipeline(c, feed, offers, 1);
            long parse = parseOnly(feed, offers, 1);
            double vsLimit = pipeline / limit;
            double vsUsual = pipeline / usual;
            double reingestVsParse = (double) reingest / parse;
            System.out.printf(
                    Locale.ROOT,
                    "pipeline %.0f offers/s, limit (COPY + merge) %.0f/s, usual (JdbcBatchItemWriter) %.0f/s%n",
                    pipeline,
                    limit,
                    usual);
            System.out.printf(
                    Locale.ROOT,
                    "re-ingest with 1%% changed %.2f s vs parse-only %.2f s%n",
                    reingest / 1e9,
                    parse / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "vs_limit %.2f (target >= 0.5: %s), vs_usual %.2f (target >= 1.5: %s),"
                            + " reingest_vs_parse %.2f (target <= 1.3: %s)%n",
                    vsLimit,
                    vsLimit >= 0.5 ? "PASS" : "FAIL",
                    vsUsual,
                    vsUsual >= 1.5 ? "PASS" : "FAIL",
                    reingestVsParse,
                    reingestVsParse <= 1.3 ? "PASS" : "FAIL");
            System.out.printf(
                    Locale.ROOT,
                    "BENCH ingest offers=%d pipeline_per_s=%.0f limit_per_s=%.0f usual_per_s=%.0f vs_limit=%.2f"
                            + " vs_usual=%.2f reingest_vs_parse=%.2f%n",
                    offers,
                    pipeline,
                    limit,
                    usual,
                    vsLimit,
                    vsUsual,
                    reingestVsParse);
        }
        System.exit(0);
    }

    /** Raw record {@code i} of generation {@code generation}: 1% of the offers change price between generations. */
    static RawRecord raw(int i, int generation) {
        long price = 1_000 + (i % 5_000) * 10L + (i % 100 == 0 ? generation * 100L : 0);
        String json = ("{\"goods_id\":%d,\"goods_name\":\"耐克 运动鞋 男款 跑步鞋 款号%d\",\"min_group_price\":%d,"
                        + "\"min_normal_price\":%d,\"goods_image_url\":\"https://img.example.com/pdd/%d.jpg\","
                        + "\"brand_name\":\"Brand %d\",\"category_id\":%d,\"category_name\":\"运动鞋\","
                        + "\"opt_name\":\"鞋靴\",\"goods_eval_score\":4.8,\"goods_eval_count\":%d,"
                        + "\"sales_tip\":\"1万+\"}")
                .formatted(100_000_000L + i, i, price, price + 500, i, i % 500, 1000 + i % 50, i % 1000);
        return new RawRecord("pinduoduo", Long.toString(100_000_000L + i), json, 1 + i / 100, i % 100);
    }

    static List<CatalogueOffer> parsed(MarketplaceFeed feed, int from, int to, int generation) {
        List<CatalogueOffer> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (feed.parse(raw(i, generation)) instanceof Parsed.Accepted a) {
                out.add(a.offer());
            }
        }
        return out;
    }

    /** The real path: parse, normalize, content-hash, bulk merge with history and outbox; one commit per chunk. */
    static long pipeline(Connection c, MarketplaceFeed feed, int offers, int generation) throws Exception {
        CatalogueWriter writer = new CatalogueWriter(null);
        long elapsed = 0;
        for (int from = 0; from < offers; from += CHUNK) {
            int to = Math.min(offers, from + CHUNK);
            long start = System.nanoTime();
            List<CatalogueOffer> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                if (feed.parse(raw(i, generation)) instanceof Parsed.Accepted a) {
                    chunk.add(a.offer());
                }
            }
            writer.write(c, "pinduoduo", chunk, 1);
            c.commit();
            elapsed += System.nanoTime() - start;
        }
        return elapsed;
    }

    static long parseOnly(MarketplaceFeed feed, int offers, int generation) {
        long start = System.nanoTime();
        long accepted = 0;
        for (int from = 0; from < offers; from += CHUNK) {
            accepted += parsed(feed, from, Math.min(offers, from + CHUNK), generation)
                    .size();
        }
        if (accepted == 0) {
            throw new IllegalStateException("nothing parsed");
        }
        return System.nanoTime() - start;
    }

    /** The limit: the same rows, already normalized, COPYed into an UNLOGGED staging table + one merge per chunk. */
    static long limit(Connection c, MarketplaceFeed feed, int offers) throws Exception {
        long elapsed = 0;
        for (int from = 0; from < offers; from += CHUNK) {
            List<CatalogueOffer> chunk = parsed(feed, from, Math.min(offers, from + CHUNK), 0);
            long start = System.nanoTime();
            StringBuilder rows = new StringBuilder();
            for (CatalogueOffer o : chunk) {
                CatalogueSku s = o.skus().getFirst();
                rows.append(o.externalId())
                        .append('\t')
                        .append(o.titleOriginal())
                        .append('\t')
                        .append(s.amountMinor())
                        .append('\t')
                        .append(s.quantity() == null ? "\\N" : s.quantity())
                        .append('\t')
                        .append("\\\\x")
                        .append(HexFormat.of().formatHex(o.contentHash()))
                        .append('\n');
            }
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE bench_stage");
            }
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bench_stage FROM STDIN", new StringReader(rows.toString()));
            try (Statement st = c.createStatement()) {
                st.executeUpdate("""
                        INSERT INTO bench_limit AS t SELECT * FROM bench_stage
                        ON CONFLICT (external_id) DO UPDATE SET title = EXCLUDED.title, price_minor = EXCLUDED.price_minor,
                            quantity = EXCLUDED.quantity, content_hash = EXCLUDED.content_hash
                        WHERE t.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                        """);
            }
            c.commit();
            elapsed += System.nanoTime() - start;
        }
        return elapsed;
    }

    /** The usual way: Spring Batch's JdbcBatchItemWriter, INSERT … ON CONFLICT, one transaction per chunk. */
    static long usual(Connection c, String url, String user, String password, MarketplaceFeed feed, int offers)
            throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true);
        dataSource.setAutoCommit(false);
        JdbcBatchItemWriter<CatalogueOffer> writer = new JdbcBatchItemWriter<>();
        writer.setDataSource(dataSource);
        writer.setSql("""
                INSERT INTO bench_usual AS t (external_id, title, price_minor, quantity, content_hash)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (external_id) DO UPDATE SET title = EXCLUDED.title, price_minor = EXCLUDED.price_minor,
                    quantity = EXCLUDED.quantity, content_hash = EXCLUDED.content_hash
                WHERE t.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                """);
        writer.setItemPreparedStatementSetter((o, ps) -> {
            CatalogueSku s = o.skus().getFirst();
            ps.setString(1, o.externalId());
            ps.setString(2, o.titleOriginal());
            ps.setLong(3, s.amountMinor());
            ps.setObject(4, s.quantity());
            ps.setBytes(5, o.contentHash());
        });
        writer.setAssertUpdates(false);
        writer.afterPropertiesSet();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long elapsed = 0;
        for (int from = 0; from < offers; from += CHUNK) {
            List<CatalogueOffer> chunk = parsed(feed, from, Math.min(offers, from + CHUNK), 0);
            long start = System.nanoTime();
            tx.executeWithoutResult(status -> {
                try {
                    writer.write(new Chunk<>(chunk));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            elapsed += System.nanoTime() - start;
        }
        dataSource.destroy();
        return elapsed;
    }

    private static void prepareTargets(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE UNLOGGED TABLE bench_stage (external_id text, title text, price_minor bigint,
                        quantity integer, content_hash bytea);
                    CREATE TABLE bench_limit (external_id text PRIMARY KEY, title text NOT NULL,
                        price_minor bigint NOT NULL, quantity integer, content_hash bytea NOT NULL);
                    CREATE TABLE bench_usual (LIKE bench_limit INCLUDING ALL);
                    """);
        }
        c.commit();
    }

    private static double perSecond(int offers, long nanos) {
        return offers / (nanos / 1e9);
    }
}
