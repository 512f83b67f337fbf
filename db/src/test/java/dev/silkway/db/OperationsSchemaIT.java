package dev.silkway.db;

import static dev.silkway.db.ValidRows.bytes;
import static dev.silkway.db.Violations.assertFailsWithState;
import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox, ingestion bookkeeping and quarantine, search dead letters and the audit log. */
class OperationsSchemaIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("operations_schema");
        rows = new ValidRows(jdbc);
    }

    private static long outboxEvent(String aggregateId, String published) {
        return jdbc.queryForObject("""
                INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, published_at)
                VALUES ('product', ?, 'ProductChanged', '{"version": 1}', ?::timestamptz) RETURNING id""", Long.class, aggregateId, published);
    }

    private static int quarantine(long executionId, String rawPayload, byte[] sha256) {
        return jdbc.update("""
                INSERT INTO quarantined_records (marketplace_code, job_execution_id, raw_payload, payload_sha256,
                                                 reason_code, reason, field)
                VALUES ('jd', ?, ?, ?, 'MALFORMED_JSON', 'queryResult is not valid JSON', 'queryResult')
                ON CONFLICT ON CONSTRAINT uq_quarantined_records_execution_payload DO NOTHING""", executionId, rawPayload, sha256);
    }

    @Test
    void servesTheUnpublishedEventsInInsertionOrder() {
        long first = outboxEvent("41", null);
        outboxEvent("42", "2025-06-01T10:00:00Z");
        long third = outboxEvent("43", null);

        assertThat(jdbc.queryForList(
                        "SELECT id FROM outbox_events WHERE published_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED",
                        Long.class))
                .containsExactly(first, third);
    }

    @Test
    void rejectsAnAggregateTypeThatIsNotALowercaseName() {
        assertViolates(
                "outbox_events_aggregate_type_check",
                () -> jdbc.update(
                        "INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload) VALUES ('Product Type', '1', 'X', '{}')"));
    }

    @Test
    void keepsABrokenRecordExactlyAsReceived() {
        String broken =
                "{\"queryResult\": \"{\\\"code\\\":200,\\\"data\\\":[{\\\"skuId\\\": 1\", \"title\": \"\u0007bell\"}";
        quarantine(7001, broken, bytes(32));

        assertThat(jdbc.queryForObject(
                        "SELECT raw_payload FROM quarantined_records WHERE job_execution_id = 7001", String.class))
                .isEqualTo(broken);
    }

    @Test
    void quarantinesTheSameRecordOnlyOncePerExecution() {
        byte[] sha256 = bytes(32);

        assertThat(quarantine(7002, "{\"price\": -1}", sha256)).isEqualTo(1);
        assertThat(quarantine(7002, "{\"price\": -1}", sha256)).isZero();
    }

    @Test
    void rejectsASecondRunningFetchOfOneMarketplace() {
        String start = "INSERT INTO ingestion_fetch_runs (marketplace_code, trigger) VALUES ('pinduoduo', ?)";
        jdbc.update(start, "SCHEDULE");

        assertViolates("uq_ingestion_fetch_runs_one_running", () -> jdbc.update(start, "MANUAL"));
    }

    @Test
    void storesADeadLetterOncePerProductVersion() {
        long product = rows.product("taobao");
        String deadLetter = """
                INSERT INTO search_dead_letters (index_name, product_id, product_version, operation, error_type, reason, http_status)
                VALUES ('products_v1', ?, 3, 'INDEX', 'mapper_parsing_exception', 'failed to parse field [rating]', 400)
                ON CONFLICT ON CONSTRAINT uq_search_dead_letters_document DO UPDATE
                SET attempts = search_dead_letters.attempts + 1""";
        jdbc.update(deadLetter, product);
        jdbc.update(deadLetter, product);

        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM search_dead_letters WHERE product_id = ?", Integer.class, product))
                .isEqualTo(2);
    }

    @Test
    void rejectsChangingTheAuditLog() {
        long entry = audit(rows.user());

        assertFailsWithState(
                INSUFFICIENT_PRIVILEGE,
                () -> jdbc.update("UPDATE audit_log SET action = 'USER_UNBLOCKED' WHERE id = ?", entry));
    }

    @Test
    void rejectsDeletingFromTheAuditLog() {
        long entry = audit(rows.user());

        assertFailsWithState(INSUFFICIENT_PRIVILEGE, () -> jdbc.update("DELETE FROM audit_log WHERE id = ?", entry));
    }

    @Test
    void rejectsAnAuditEntryOfAPersonWithoutTheirId() {
        assertViolates(
                "ck_audit_log_system_actor",
                () -> jdbc.update("INSERT INTO audit_log (actor_role, action) VALUES ('ADMIN', 'USER_BLOCKED')"));
    }

    private static long audit(UUID admin) {
        return jdbc.queryForObject("""
                INSERT INTO audit_log (actor_id, actor_role, action, target_type, target_id, client_address, details)
                VALUES (?, 'ADMIN', 'USER_BLOCKED', 'user', ?, '198.51.100.4', '{"reason": "chargeback fraud"}')
                RETURNING id""", Long.class, admin, UUID.randomUUID().toString());
    }
}
