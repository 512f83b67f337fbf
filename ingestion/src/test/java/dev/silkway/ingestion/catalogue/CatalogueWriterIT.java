package dev.silkway.ingestion.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueWriterIT {

    private Connection connection;
    private final CatalogueWriter writer = new CatalogueWriter(null);

    @BeforeEach
    void connect() throws Exception {
        connection = DriverManager.getConnection(
                TestDatabases.jdbcUrl(TestDatabases.fresh("catalogue_writer")),
                Services.postgres().user(),
                Services.postgres().password());
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    static CatalogueOffer offer(
            long price, List<String> images, List<CatalogueOffer.Attribute> attributes, List<String> skuIds) {
        return offer("42", "回力", price, images, attributes, skuIds);
    }

    static CatalogueOffer offer(
            String externalId,
            String brand,
            long price,
            List<String> images,
            List<CatalogueOffer.Attribute> attributes,
            List<String> skuIds) {
        List<CatalogueSku> skus = skuIds.stream()
                .map(id -> new CatalogueSku(
                        id,
                        Map.of("size", id),
                        Map.of("尺码", id),
                        null,
                        price,
                        null,
                        "CNY",
                        Long.toString(price),
                        "MINOR",
                        5,
                        true))
                .toList();
        return CatalogueOffers.of(new CatalogueOffers.Draft(
                "pinduoduo",
                externalId,
                "回力 帆布鞋",
                null,
                "拼单更优惠",
                brand,
                "8569",
                List.of("鞋包", "帆布鞋"),
                new BigDecimal("4.8"),
                10L,
                100L,
                null,
                images,
                attributes,
                skus));
    }

    @Test
    void writesOnlyWhatChangedAndRemovesWhatDisappeared() throws Exception {
        var shop = new CatalogueOffer.Attribute("店铺", "回力官方旗舰店");
        var first = offer(
                4_990,
                List.of("https://img/1.jpg", "https://img/2.jpg"),
                List.of(shop, new CatalogueOffer.Attribute("货号", "A-1")),
                List.of("42-1", "42-2"));
        assertThat(writeAndCommit("pinduoduo", first, 1)).isEqualTo(new CatalogueWriter.Result(1, 0));
        assertThat(writeAndCommit("pinduoduo", first, 2)).isEqualTo(new CatalogueWriter.Result(0, 1));

        var second = offer(
                5_990,
                List.of("https://img/1.jpg"),
                List.of(shop, new CatalogueOffer.Attribute("货号", "A-2")),
                List.of("42-1"));
        assertThat(writeAndCommit("pinduoduo", second, 3)).isEqualTo(new CatalogueWriter.Result(1, 0));

        assertThat(rows("SELECT position || ' ' || url FROM product_images ORDER BY position"))
                .containsExactly("0 https://img/1.jpg");
        assertThat(rows("SELECT position || ' ' || name || '=' || value FROM product_attributes ORDER BY position"))
                .containsExactly("0 店铺=回力官方旗舰店", "1 货号=A-2");
        assertThat(rows("SELECT external_id || ' ' || active FROM skus ORDER BY external_id"))
                .containsExactly("42-1 true", "42-2 false");
        assertThat(
                        rows(
                                "SELECT k.external_id || ' ' || h.amount_minor || ' ' || h.job_execution_id"
                                        + " FROM sku_price_history h JOIN skus k ON k.id = h.sku_id ORDER BY h.job_execution_id, k.external_id"))
                .containsExactly("42-1 4990 1", "42-2 4990 1", "42-1 5990 3");
        assertThat(rows("SELECT count(*) FROM sku_stock_history")).containsExactly("2");
        assertThat(rows("SELECT payload->>'version' || ' ' || (payload->>'created') FROM outbox_events ORDER BY id"))
                .containsExactly("0 true", "1 false");
    }

    @Test
    void findsChangedOffersAmongUnchangedOnesAndVacuumsOutsideTheChunkTransaction() throws Exception {
        var attribute = new CatalogueOffer.Attribute("货号", "A-1");
        var first = offer(4_990, List.of("https://img/1.jpg"), List.of(attribute), List.of("42-1"));
        assertThat(writeAndCommit("pinduoduo", first, 1)).isEqualTo(new CatalogueWriter.Result(1, 0));
        CatalogueWriter.tidyAfterBulk(connection);
        assertThat(connection.getAutoCommit()).isFalse();
        assertThat(rows("SELECT vacuum_count > 0 FROM pg_stat_user_tables WHERE relname = 'products'"))
                .containsExactly("t");

        var changed = offer(5_990, List.of("https://img/1.jpg"), List.of(attribute), List.of("42-1"));
        assertThat(writeAndCommit("jd", first, 2))
                .as("the same id in another feed is a new offer")
                .isEqualTo(new CatalogueWriter.Result(1, 0));
        assertThat(writeAndCommit("pinduoduo", changed, 2)).isEqualTo(new CatalogueWriter.Result(1, 0));
        assertThat(writeAndCommit("pinduoduo", changed, 3)).isEqualTo(new CatalogueWriter.Result(0, 1));
        assertThat(rows("SELECT marketplace_code || ' ' || version FROM products ORDER BY marketplace_code"))
                .containsExactly("jd 0", "pinduoduo 1");
    }

    @Test
    void aBrandGivenInTwoScriptsBecomesOneBrandWithItsSpellingsAsAliases() throws Exception {
        writeAndCommit("pinduoduo", offer("1", "安踏", 4_990, List.of(), List.of(), List.of("1-1")), 1);
        long zhVersion = Long.parseLong(
                rows("SELECT version FROM products WHERE external_id = '1'").getFirst());

        writeAndCommit("jd", offer("2", "安踏（ANTA）", 5_990, List.of(), List.of(), List.of("2-1")), 2);

        assertThat(rows("SELECT name || ' ' || name_zh FROM brands WHERE normalized_name = 'anta'"))
                .containsExactly("ANTA 安踏");
        assertThat(rows("""
                        SELECT a.alias_normalized || ' ' || b.name FROM brand_aliases a JOIN brands b ON b.id = a.brand_id
                        ORDER BY a.alias_normalized""")).containsExactly("安踏 ANTA", "安踏（anta） ANTA");
        assertThat(rows("SELECT version FROM products WHERE external_id = '1'"))
                .as("the product of the Chinese spelling is reindexed under the one brand")
                .containsExactly(Long.toString(zhVersion + 1));
        assertThat(rows("SELECT count(*) FROM outbox_events WHERE payload->>'externalId' = '1'"))
                .containsExactly("2");

        writeAndCommit("jd", offer("3", "安踏（ANTA）", 5_990, List.of(), List.of(), List.of("3-1")), 3);
        assertThat(rows("SELECT count(*) FROM brand_aliases")).containsExactly("2");
        assertThat(rows("SELECT count(*) FROM outbox_events WHERE payload->>'externalId' = '1'"))
                .as("known aliases change nothing")
                .containsExactly("2");
    }

    @Test
    void aMergeChosenAsADeadlocksVictimMergesAgainAndItsChunkCommits() throws Exception {
        writer.write(
                connection,
                "pinduoduo",
                List.of(
                        offer("1", "回力", 4_990, List.of(), List.of(), List.of("1-1")),
                        offer("2", "回力", 4_990, List.of(), List.of(), List.of("2-1"))),
                1);
        connection.commit();
        long deadlocks = deadlocks();
        try (Connection other = DriverManager.getConnection(
                        connection.getMetaData().getURL(),
                        Services.postgres().user(),
                        Services.postgres().password());
                ExecutorService merging = Executors.newSingleThreadExecutor()) {
            other.setAutoCommit(false);
            lock(
                    other,
                    "SELECT p.sku_id FROM sku_prices p JOIN skus k ON k.id = p.sku_id WHERE k.external_id = '1-1'"
                            + " FOR UPDATE OF p");
            // the merge updates both products, then waits for the price of SKU 1-1, which the other transaction holds
            Future<CatalogueWriter.Result> merged = merging.submit(() -> {
                CatalogueWriter.Result result = writer.write(
                        connection,
                        "pinduoduo",
                        List.of(
                                offer("1", "回力", 5_990, List.of(), List.of(), List.of("1-1")),
                                offer("2", "回力", 5_990, List.of(), List.of(), List.of("2-1"))),
                        2);
                connection.commit();
                return result;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock(other));
            // now the other transaction wants product 1: a deadlock, the merge (waiting longer) its victim, which
            // merges again once the other transaction has committed
            lock(other, "SELECT id FROM products WHERE external_id = '1' FOR UPDATE");
            other.commit();

            assertThat(merged.get(30, TimeUnit.SECONDS)).isEqualTo(new CatalogueWriter.Result(2, 0));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deadlocks() > deadlocks);
        assertThat(rows("SELECT external_id || ' ' || version FROM products ORDER BY external_id"))
                .containsExactly("1 1", "2 1");
        assertThat(rows("SELECT count(*) FROM outbox_events")).containsExactly("4");
    }

    private long deadlocks() throws Exception {
        return Long.parseLong(rows("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
                .getFirst());
    }

    private static void lock(Connection connection, String forUpdate) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet locked = statement.executeQuery(forUpdate)) {
            assertThat(locked.next()).isTrue();
        }
    }

    /** Whether a session other than {@code connection}'s waits for a row lock. */
    private static boolean waitingForALock(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                        """)) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }

    /** One chunk in its own transaction: the staging tables are emptied at commit. */
    private CatalogueWriter.Result writeAndCommit(String feed, CatalogueOffer offer, long jobExecutionId)
            throws Exception {
        CatalogueWriter.Result result = writer.write(connection, feed, List.of(offer), jobExecutionId);
        connection.commit();
        return result;
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        connection.commit();
        return out;
    }
}
