package dev.silkway.ingestion.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chunk of offers of one feed in bulk, inside the caller's transaction: offers whose content hash equals
 * the stored one are dropped up front (one indexed lookup), the rest are COPYed into session-private staging tables
 * and merged with one {@code INSERT … SELECT … ON CONFLICT … DO UPDATE … WHERE} per table (see {@link MergeSql});
 * price and stock history rows and one outbox event per changed product are written by the same statements.
 */
@Component
public class CatalogueWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        List<CatalogueOffer> changed = dropUnchanged(connection, feedCode, latest);
        if (changed.isEmpty()) {
            return new Result(0, latest.size());
        }
        MergeSql.createStaging(connection);
        copy(connection, changed);
        int written = MergeSql.merge(connection, feedCode, jobExecutionId);
        return new Result(written, latest.size() - written);
    }

    private static List<CatalogueOffer> dropUnchanged(
            Connection connection, String feedCode, Map<String, CatalogueOffer> offers) throws SQLException {
        Map<String, byte[]> stored = new HashMap<>(offers.size() * 2);
        try (PreparedStatement lookup = connection.prepareStatement(
                "SELECT external_id, content_hash FROM products WHERE marketplace_code = ? AND external_id = ANY (?)")) {
            lookup.setString(1, feedCode);
            lookup.setArray(2, connection.createArrayOf("text", offers.keySet().toArray()));
            try (ResultSet rows = lookup.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getBytes(2));
                }
            }
        }
        List<CatalogueOffer> changed = new ArrayList<>();
        for (CatalogueOffer offer : offers.values()) {
            byte[] hash = stored.get(offer.externalId());
            if (hash == null || !Arrays.equals(hash, offer.contentHash())) {
                changed.add(offer);
            }
        }
        return changed;
    }

    private static void copy(Connection connection, List<CatalogueOffer> offers) throws SQLException {
        CopyText products = new CopyText();
        CopyText skus = new CopyText();
        CopyText images = new CopyText();
        CopyText attributes = new CopyText();
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
            products.col(o.salesCount()).col(o.sourceUrl()).col(o.contentHash()).endRow();
            for (int i = 0; i < o.images().size(); i++) {
                images.col(o.externalId()).col(i).col(o.images().get(i)).endRow();
            }
            for (int i = 0; i < o.attributes().size(); i++) {
                CatalogueOffer.Attribute a = o.attributes().get(i);
                attributes
                        .col(o.externalId())
                        .col(i)
                        .col(a.name())
                        .col(a.value())
                        .endRow();
            }
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
        copyIn(connection, "stage_products", products);
        copyIn(connection, "stage_skus", skus);
        copyIn(connection, "stage_images", images);
        copyIn(connection, "stage_attributes", attributes);
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

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
