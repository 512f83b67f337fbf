package dev.silkway.ingestion.generic;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every declared feed's credentials that are not under the active feed secret key, in batches of one
 * transaction each. Idempotent and resumable: a row is rewritten only while its key id differs from the active one,
 * and only if it still holds the value that was read (a concurrent re-declaration wins).
 */
@Component
class FeedSecretRotation {

    private static final Logger log = LoggerFactory.getLogger(FeedSecretRotation.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecretBox secrets;
    private final int batchSize;

    FeedSecretRotation(
            JdbcTemplate jdbc, TransactionTemplate transactions, SecretBox secrets, FeedSecretProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.batchSize = Math.max(1, properties.rotationBatchSize());
    }

    private record Row(String code, byte[] sealed, String keyId) {}

    /** Re-seals everything under the active key; the number of feeds rewritten. */
    long rotateAll() {
        String active = secrets.activeKeyId();
        long total = 0;
        while (true) {
            Integer rows = transactions.execute(status -> batch(active));
            if (rows == null || rows == 0) {
                break;
            }
            total += rows;
        }
        log.info("Feed secret rotation: {} feeds re-sealed under key {}", total, active);
        return total;
    }

    private int batch(String active) {
        List<Row> rows = jdbc.query(
                "SELECT code, feed_secret_enc, feed_secret_key_id FROM marketplaces WHERE feed_secret_enc IS NOT NULL"
                        + " AND feed_secret_key_id IS DISTINCT FROM ? ORDER BY code LIMIT ? FOR UPDATE",
                (rs, i) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3)),
                active,
                batchSize);
        for (Row row : rows) {
            SecretBox.Sealed resealed = secrets.reseal(row.code(), row.sealed(), row.keyId());
            jdbc.update(
                    "UPDATE marketplaces SET feed_secret_enc = ?, feed_secret_key_id = ? WHERE code = ?",
                    resealed.value(),
                    resealed.keyId(),
                    row.code());
        }
        return rows.size();
    }
}
