package dev.silkway.testsupport;

import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * Fresh, fully migrated databases on the shared test PostgreSQL. The project's migrations run once
 * per JVM into a template; every test context then gets its own copy (a file-level copy: fast),
 * so tests never see each other's rows.
 */
public final class TestDatabases {

    private static final String TEMPLATE = "silkway_template";
    private static final AtomicInteger sequence = new AtomicInteger();
    private static boolean templateReady;

    private TestDatabases() {}

    /** A new migrated database; returns its name. */
    public static String fresh(String purpose) {
        migrateTemplateOnce();
        String name = sanitize(purpose) + "_" + sequence.incrementAndGet();
        Services.postgres().createDatabase(name, TEMPLATE);
        return name;
    }

    /** A new empty database (no migrations), for tests of the migrations themselves. */
    public static String empty(String purpose) {
        String name = sanitize(purpose) + "_" + sequence.incrementAndGet();
        Services.postgres().createDatabase(name);
        return name;
    }

    public static String jdbcUrl(String database) {
        return Services.postgres().jdbcUrl(database);
    }

    private static synchronized void migrateTemplateOnce() {
        if (templateReady) {
            return;
        }
        var postgres = Services.postgres();
        postgres.createDatabase(TEMPLATE);
        Flyway.configure()
                .dataSource(postgres.dataSource(TEMPLATE))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        templateReady = true;
    }

    private static String sanitize(String purpose) {
        String plain = purpose.toLowerCase().replaceAll("[^a-z0-9_]", "_");
        return ("t_" + plain).substring(0, Math.min(40, plain.length() + 2));
    }
}
