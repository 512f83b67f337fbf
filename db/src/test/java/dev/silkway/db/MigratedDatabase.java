package dev.silkway.db;

import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh, fully migrated database of its own on the shared test PostgreSQL 17. */
final class MigratedDatabase {

    private MigratedDatabase() {}

    static JdbcTemplate fresh(String purpose) {
        String database = TestDatabases.fresh(purpose);
        return new JdbcTemplate(Services.postgres().dataSource(database));
    }
}
