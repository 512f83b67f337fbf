package dev.silkway.compose.postgres;

import dev.silkway.localprocess.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from the zonky binaries, as a local process. The data folder is kept between runs;
 * a server left over from a killed run on the same folder is stopped first, never reused.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    public static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) over {@code dataDir}, creating the
     * cluster on first use.
     */
    public static LocalPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            StalePostmaster.stopIfRunning(dataDir);
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port == 0 ? Ports.free() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            LocalPostgres postgres = new LocalPostgres(server, dataDir);
            LocalPostgres.log.info("PostgreSQL listens on {} (data {})", postgres.port(), dataDir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start over " + dataDir, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return "";
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return StalePostmaster.pidOf(dataDir).orElse(-1L);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The server's own {@code postgres} database, for administration. */
    public DataSource adminDataSource() {
        return server.getPostgresDatabase();
    }

    public DataSource dataSource(String database) {
        return server.getDatabase(USER, database);
    }

    /** Creates {@code database} unless it exists (optionally as a copy of {@code template}). */
    public void createDatabase(String database, String template) {
        requireIdentifier(database);
        if (template != null) {
            requireIdentifier(template);
        }
        try (Connection connection = adminDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database + (template == null ? "" : " TEMPLATE " + template));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    public void createDatabase(String database) {
        createDatabase(database, null);
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
