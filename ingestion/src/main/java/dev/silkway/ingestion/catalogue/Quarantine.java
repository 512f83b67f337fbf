package dev.silkway.ingestion.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores rejected records with their raw payload and reason, in the chunk's transaction. The same raw record twice
 * in one execution is stored once ({@code uq_quarantined_records_execution_payload}).
 */
@Component
public class Quarantine {

    private final JdbcTemplate jdbc;

    public Quarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One rejected record. */
    public record Rejection(
            String feedCode,
            String externalId,
            String recordKey,
            @Nullable String topic,
            @Nullable Integer partition,
            @Nullable Long offset,
            String rawPayload,
            String reasonCode,
            String reason,
            @Nullable String field) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public int store(List<Rejection> rejections, long jobExecutionId, String stepName) {
        if (rejections.isEmpty()) {
            return 0;
        }
        int[][] counts = jdbc.batchUpdate("""
                INSERT INTO quarantined_records (marketplace_code, job_execution_id, step_name, external_id,
                    record_key, kafka_topic, kafka_partition, kafka_offset, raw_payload, payload_sha256, reason_code,
                    reason, field)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT uq_quarantined_records_execution_payload DO NOTHING
                """, rejections, 500, (ps, r) -> {
            String payload = r.rawPayload().replace("\0", "\\u0000");
            ps.setString(1, r.feedCode());
            ps.setLong(2, jobExecutionId);
            ps.setString(3, stepName);
            ps.setString(4, cut(r.externalId(), 256));
            ps.setString(5, cut(r.recordKey(), 512));
            ps.setString(6, r.topic());
            ps.setObject(7, r.partition());
            ps.setObject(8, r.offset());
            ps.setString(9, payload);
            ps.setBytes(10, sha256(r.rawPayload()));
            ps.setString(11, r.reasonCode());
            ps.setString(12, cut(r.reason().replace("\0", ""), 2000));
            ps.setString(13, r.field() == null ? null : cut(r.field(), 200));
        });
        int stored = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                stored += Math.max(c, 0);
            }
        }
        return stored;
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static byte[] sha256(String payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
