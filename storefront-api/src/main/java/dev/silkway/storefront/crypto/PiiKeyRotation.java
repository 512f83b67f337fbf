package dev.silkway.storefront.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every personal-data envelope not sealed under the active key or not yet bound to its table, column
 * and row ({@link PiiCipher}), table by table, in batches of one transaction each. The tables are found in the
 * schema: every table with a {@code pii_key_id} column, its {@code bytea} columns named {@code *_enc}. Idempotent
 * and resumable: a row is only rewritten while its key id differs from the active one or its {@code pii_aad_bound}
 * (V48) is false; rewriting sets it.
 */
@Component
public class PiiKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(PiiKeyRotation.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PiiCipher cipher;
    private final int batchSize;

    PiiKeyRotation(JdbcClient jdbc, TransactionTemplate transactions, PiiCipher cipher, PiiProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.batchSize = Math.max(1, properties.rotationBatchSize());
    }

    /** Rotates everything; returns the number of rows rewritten. */
    public long rotateAll() {
        long total = 0;
        Set<String> marked = tablesMarkingBoundRows();
        for (var table : encryptedTables().entrySet()) {
            long rows = rotate(table.getKey(), table.getValue(), marked.contains(table.getKey()));
            log.info(
                    "PII key rotation: {} rows of {} re-encrypted under key {}",
                    rows,
                    table.getKey(),
                    cipher.activeKeyId());
            total += rows;
        }
        return total;
    }

    Map<String, List<String>> encryptedTables() {
        var found = new java.util.TreeMap<String, List<String>>();
        jdbc.sql("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c
                        WHERE c.table_schema = current_schema() AND c.data_type = 'bytea' AND c.column_name LIKE '%\\_enc'
                          AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = c.table_schema
                                      AND k.table_name = c.table_name AND k.column_name = 'pii_key_id')
                          AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = c.table_schema
                                      AND i.table_name = c.table_name AND i.column_name = 'id')
                        ORDER BY c.table_name, c.ordinal_position""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return found;
    }

    /** The tables whose rows say whether their envelopes are bound yet ({@code pii_aad_bound}, V48). */
    private Set<String> tablesMarkingBoundRows() {
        return Set.copyOf(jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND column_name = 'pii_aad_bound'""").query(String.class).list());
    }

    private long rotate(String table, List<String> columns, boolean marked) {
        long total = 0;
        while (true) {
            Integer done = transactions.execute(status -> rotateBatch(table, columns, marked));
            if (done == null || done == 0) {
                return total;
            }
            total += done;
        }
    }

    private int rotateBatch(String table, List<String> columns, boolean marked) {
        String cols = String.join(", ", columns);
        String active = cipher.activeKeyId();
        List<Object[]> rows = jdbc.sql("SELECT id, pii_key_id, " + cols + " FROM " + table
                        + " WHERE pii_key_id IS NOT NULL AND (pii_key_id <> ?" + (marked ? " OR NOT pii_aad_bound" : "")
                        + ") LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(active, batchSize)
                .query((rs, n) -> {
                    Object[] row = new Object[columns.size() + 2];
                    row[0] = rs.getObject(1);
                    row[1] = rs.getString(2);
                    for (int i = 0; i < columns.size(); i++) {
                        row[i + 2] = rs.getBytes(i + 3);
                    }
                    return row;
                })
                .list();
        StringBuilder update =
                new StringBuilder("UPDATE " + table + " SET pii_key_id = ?" + (marked ? ", pii_aad_bound = true" : ""));
        columns.forEach(c -> update.append(", ").append(c).append(" = ?"));
        update.append(" WHERE id = ?");
        for (Object[] row : rows) {
            List<Object> params = new ArrayList<>();
            params.add(active);
            for (int i = 0; i < columns.size(); i++) {
                params.add(cipher.reseal(
                        (byte[]) row[i + 2], (String) row[1], PiiColumn.of(table, columns.get(i)), (UUID) row[0]));
            }
            params.add(row[0]);
            jdbc.sql(update.toString()).params(params).update();
        }
        return rows.size();
    }
}
