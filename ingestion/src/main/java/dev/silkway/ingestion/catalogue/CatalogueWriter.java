package dev.silkway.ingestion.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chunk of offers of one feed in bulk, inside the caller's transaction. One statement reads the stored
 * content hashes of the chunk's offers, which are compared here to keep only the new or changed offers (an unchanged
 * offer costs one index-only probe and nothing else; a chunk with no changes costs that one round trip). The changed
 * ones are COPYed into the session-private staging tables (products with their images and attributes, SKUs), and one
 * multi-statement round trip merges them set-based, writing only changed rows, with price and stock history and one
 * outbox event per changed product (see {@link MergeSql}).
 */
@Component
public class CatalogueWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEADLOCK = "40P01";
    private static final int DEADLOCK_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(CatalogueWriter.class);

    private final DataSource dataSource;

    public CatalogueWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What one {@link #write} did. */
    public record Result(int written, int unchanged) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public Result write(String feedCode, List<CatalogueOffer> offers, long jobExecutionId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return write(connection, feedCode, offers, jobExecutionId);
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk merge of " + offers.size() + " offers of " + feedCode + " failed", e);
        }
    }

    /** The same on a connection the caller manages (the benchmark); the caller commits. */
    public Result write(Connection connection, String feedCode, List<CatalogueOffer> offers, long jobExecutionId)
            throws SQLException {
        Map<String, CatalogueOffer> latest = new LinkedHashMap<>();
        offers.forEach(o -> latest.put(o.externalId(), o)); // a key twice in one chunk: the last one wins
        List<CatalogueOffer> changed = changed(connection, feedCode, latest);
        if (changed.isEmpty()) {
            return new Result(0, latest.size());
        }
        int written = copyAndMerge(connection, feedCode, changed, jobExecutionId);
        return new Result(written, latest.size() - written);
    }

    /**
     * The offers staged and merged behind a savepoint, once more (at most {@value #DEADLOCK_ATTEMPTS} times) when
     * PostgreSQL chose this merge as a deadlock's victim: two feeds' merges meeting on a brand of both each hold their
     * own products and bump the other's. Rolling back to the savepoint lets the other merge go on, and the chunk's
     * transaction lives on; without it the chunk, and with it the run, would fail.
     */
    private static int copyAndMerge(
            Connection connection, String feedCode, List<CatalogueOffer> changed, long jobExecutionId)
            throws SQLException {
        if (connection.getAutoCommit()) {
            copy(connection, changed);
            return merge(connection, feedCode, jobExecutionId);
        }
        for (int attempt = 1; ; attempt++) {
            Savepoint before = connection.setSavepoint();
            try {
                copy(connection, changed);
                int written = merge(connection, feedCode, jobExecutionId);
                connection.releaseSavepoint(before);
                return written;
            } catch (SQLException e) {
                if (!DEADLOCK.equals(e.getSQLState()) || attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                connection.rollback(before);
                log.warn("The merge of {} was a deadlock's victim (attempt {}): merging again", feedCode, attempt);
            }
        }
    }

    /**
     * After a step that wrote many rows: VACUUM (ANALYZE) the tables the merge writes, on a connection of its own
     * outside any transaction. The next run's hash check then reads the stored hashes by index-only scans (V41: the
     * pages are all-visible) and the planner has statistics; and the vacuuming that autovacuum would otherwise start
     * in the middle of the next step is done here, once, while nothing else of the feed runs.
     */
    public void tidyAfterBulk() {
        try (Connection connection = dataSource.getConnection()) {
            tidyAfterBulk(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM of the catalogue tables failed", e);
        }
    }

    /** The same on a connection the caller manages (the benchmark); it must not be in a transaction. */
    public static void tidyAfterBulk(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(MergeSql.TIDY);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Keeps the offers that are new or whose content hash differs from the stored one. The stored hashes come back
     * for the chunk's ids and are compared here: comparing on the server against one parameter holding every hash
     * made each row's {@code substring} copy the whole parameter (19 µs per offer at a chunk of 5,000).
     */
    private static List<CatalogueOffer> changed(
            Connection connection, String feedCode, Map<String, CatalogueOffer> offers) throws SQLException {
        Map<String, CatalogueOffer> changed = new LinkedHashMap<>(offers);
        try (PreparedStatement statement = connection.prepareStatement(MergeSql.STORED_HASHES)) {
            statement.setString(1, feedCode);
            statement.setArray(
                    2, connection.createArrayOf("text", offers.keySet().toArray()));
            try (ResultSet stored = statement.executeQuery()) {
                while (stored.next()) {
                    CatalogueOffer offer = changed.get(stored.getString(1));
                    if (offer != null && Arrays.equals(offer.contentHash(), stored.getBytes(2))) {
                        changed.remove(offer.externalId());
                    }
                }
            }
        }
        return new ArrayList<>(changed.values());
    }

    /** Creates the session's staging tables if it has none yet; only a chunk with something to write needs them. */
    private static void staging(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(MergeSql.STAGING);
        }
    }

    private static void copy(Connection connection, List<CatalogueOffer> offers) throws SQLException {
        staging(connection);
        CopyText products = new CopyText();
        CopyText skus = new CopyText();
        for (CatalogueOffer o : offers) {
            products.col(o.externalId())
                    .col(o.categoryExternalId())
                    .col(o.categoryName())
                    .col(o.categoryPath());
            products.col(o.brand())
                    .col(o.brandNormalized())
                    .col(o.titleOriginal())
                    .col(o.titleRu());
            products.col(o.titleEn()).col(o.description()).col(o.rating()).col(o.reviewCount());
            products.col(o.salesCount()).col(o.sourceUrl()).col(o.contentHash()).array(o.images());
            products.array(o.attributes().stream()
                            .map(CatalogueOffer.Attribute::name)
                            .toList())
                    .array(o.attributes().stream()
                            .map(CatalogueOffer.Attribute::value)
                            .toList())
                    .endRow();
            for (CatalogueSku s : o.skus()) {
                skus.col(o.externalId()).col(s.externalId()).col(JSON.writeValueAsString(s.attributes()));
                skus.col(JSON.writeValueAsString(s.attributesOriginal()))
                        .col(s.imageUrl())
                        .col(s.amountMinor());
                skus.col(s.listAmountMinor())
                        .col(s.currency())
                        .col(s.originalAmount())
                        .col(s.originalUnit());
                skus.col(s.quantity()).col(s.inStock() ? "t" : "f").endRow();
            }
        }
        copyIn(connection, "staged_products", products);
        copyIn(connection, "staged_skus", skus);
    }

    private static void copyIn(Connection connection, String table, CopyText rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the driver from turning the statement into a server-side prepared one: the staging tables have no
     * statistics, so a plan is only right for the size they have when it is made, and a cached plan made for a chunk
     * of new offers (hash joins, scans of whole tables) would be reused for a chunk of a few changed ones.
     */
    private static void planEveryTime(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    /** Runs {@link MergeSql#MERGE} in one round trip; returns the number of products inserted or changed. */
    private static int merge(Connection connection, String feedCode, long jobExecutionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MergeSql.MERGE)) {
            planEveryTime(statement);
            Object[] parameters = MergeSql.mergeParameters(feedCode, jobExecutionId);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            int result = 0;
            int products = 0;
            for (boolean rows = statement.execute();
                    rows || statement.getUpdateCount() != -1;
                    rows = statement.getMoreResults()) {
                if (result++ == MergeSql.PRODUCTS_RESULT) {
                    products = statement.getUpdateCount();
                }
            }
            return products;
        }
    }
}
