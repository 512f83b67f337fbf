package dev.silkway.drill;

import dev.silkway.platform.database.RetryingTransactions;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes audit-log rows (a real table of the schema) through the platform's {@link
 * RetryingTransactions}, as an admin action would; the request id is the idempotency key, so a
 * write retried after a lost COMMIT is stored once.
 */
final class AuditLogWrites implements WriteTarget {

    private final JdbcClient jdbc;
    private final RetryingTransactions transactions;

    AuditLogWrites(JdbcClient jdbc, RetryingTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Written write(UUID requestId) {
        String key = requestId.toString();
        return transactions.execute(status -> {
            jdbc.sql("""
                            INSERT INTO audit_log (actor_role, action, target_type, target_id, request_id, details)
                            SELECT 'SYSTEM', 'FAILOVER_DRILL_WRITE', 'failover_drill', :key, :key, '{}'::jsonb
                            WHERE NOT EXISTS (
                                SELECT 1 FROM audit_log WHERE target_type = 'failover_drill' AND target_id = :key)
                            """).param("key", key).update();
            int port =
                    jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
            return new Written(key, port);
        });
    }

    @Override
    public Set<String> present(Collection<String> keys) {
        return transactions.execute(status -> new HashSet<>(jdbc.sql("""
                        SELECT a.target_id
                        FROM unnest(CAST(:keys AS text[])) AS k (key)
                        JOIN audit_log a ON a.target_type = 'failover_drill' AND a.target_id = k.key
                        """)
                .param("keys", "{" + String.join(",", keys) + "}")
                .query(String.class)
                .list()));
    }
}
