package dev.silkway.platform.security;

import com.zaxxer.hikari.HikariDataSource;
import dev.silkway.platform.retry.Backoff;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears the database's notifications of account session changes (V93: a trigger on {@code users},
 * {@code user_roles} and {@code refresh_tokens} sends {@code NOTIFY account_sessions, '<user id>'} when an account's
 * status, sessions, roles or refresh tokens change, delivered when the change commits) and forgets the changed
 * accounts' {@link KeptSessions}. One thread on a connection of its own to the primary, outside the pool; it runs a
 * query every {@link #CHECK_EVERY} (a lost connection is noticed within {@link #CHECK_EVERY} and the network timeout),
 * and while it is not listening nothing is kept, so a failover costs one account read per request until it listens on
 * the new primary again (with back-off), then forgets everything kept before.
 */
public final class AccountSessionChanges implements SmartLifecycle {

    static final String CHANNEL = "account_sessions";

    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);
    private static final Backoff RECONNECT =
            new Backoff(Integer.MAX_VALUE, Duration.ofMillis(200), Duration.ofSeconds(15), 2.0, 0.5);
    private static final Logger log = LoggerFactory.getLogger(AccountSessionChanges.class);

    private final DataSource dataSource;
    private final KeptSessions kept;
    private volatile boolean running;
    private volatile Thread listener;

    public AccountSessionChanges(DataSource dataSource, KeptSessions kept) {
        this.dataSource = dataSource;
        this.kept = kept;
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("account-session-changes").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kept.notHeard();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        int failures = 0;
        while (running) {
            try (Connection connection = connect()) {
                connection.setAutoCommit(true);
                connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
                execute(connection, "LISTEN " + CHANNEL);
                kept.heard();
                failures = 0;
                hear(connection.unwrap(PGConnection.class), connection);
            } catch (SQLException | RuntimeException e) {
                kept.notHeard();
                if (!running) {
                    return;
                }
                failures++;
                Duration wait =
                        RECONNECT.wait(failures, ThreadLocalRandom.current().nextDouble());
                log.warn(
                        "Not hearing account session changes ({}): account sessions are read on every request;"
                                + " listening again in {} ms",
                        e.getMessage(),
                        wait.toMillis());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Forgets the accounts notified until the connection fails or the application stops. */
    private void hear(PGConnection notifications, Connection connection) throws SQLException {
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (running) {
            PGNotification[] heard = notifications.getNotifications(500);
            if (heard != null) {
                for (PGNotification notification : heard) {
                    forget(notification.getParameter());
                }
            }
            if (System.nanoTime() - nextCheck > 0) {
                execute(connection, "SELECT 1");
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private void forget(String account) {
        try {
            kept.forget(UUID.fromString(account));
        } catch (IllegalArgumentException e) {
            log.warn("An account session change for '{}', not an account id: forgetting every kept session", account);
            kept.heard();
        }
    }

    /** A connection of its own (the pool's are for requests), to where the pool connects: the primary. */
    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            var properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
