package dev.silkway.platform.database;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which PostgreSQL this instance is connected to: primary or replica, server version and address.
 * Under Patroni this is how an operator sees where writes go after a failover.
 */
class DatabaseRoleHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    DatabaseRoleHealthIndicator(JdbcTemplate jdbc) {
        super("Database role check failed");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        jdbc.query("""
                SELECT pg_is_in_recovery() AS replica,
                       current_setting('server_version') AS version,
                       coalesce(inet_server_addr()::text, 'local socket') AS address,
                       coalesce(inet_server_port(), 0) AS port
                """, rs -> {
            builder.up()
                    .withDetail("role", rs.getBoolean("replica") ? "replica" : "primary")
                    .withDetail("serverVersion", rs.getString("version"))
                    .withDetail("server", rs.getString("address") + ":" + rs.getInt("port"));
        });
    }
}
