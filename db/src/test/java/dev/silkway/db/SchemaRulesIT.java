package dev.silkway.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules that hold for the schema as a whole, checked in PostgreSQL's catalogue. */
class SchemaRulesIT {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("schema_rules");
    }

    @Test
    void needsNoExtension() {
        // pgcrypto, citext and friends are not on every server: the schema uses core PostgreSQL only.
        assertThat(jdbc.queryForList("SELECT extname FROM pg_extension", String.class))
                .containsExactly("plpgsql");
    }

    @Test
    void keepsPersonalDataOnlyInEncryptedOrBlindIndexColumns() {
        var plaintextPersonalData = jdbc.queryForList("""
                SELECT table_name || '.' || column_name
                FROM information_schema.columns
                WHERE table_schema = 'public'
                  AND column_name ~ '(email|phone|full_name|recipient_name|street|city|region|building|apartment|postal_code|address)'
                  AND data_type NOT IN ('bytea', 'ARRAY')
                  AND column_name NOT LIKE '%\\_at'
                  AND column_name NOT IN ('client_address', 'address_id')""", String.class);

        assertThat(plaintextPersonalData).isEmpty();
    }

    @Test
    void backsEveryForeignKeyWithAnIndexStartingWithItsFirstColumn() {
        var unindexed = jdbc.queryForList("""
                SELECT c.conrelid::regclass || '.' || c.conname
                FROM pg_constraint c
                WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_index i
                                  WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])""", String.class);

        assertThat(unindexed).isEmpty();
    }

    @Test
    void storesEveryTimestampWithItsTimeZoneOutsideTheToolsOwnTables() {
        var withoutTimeZone = jdbc.queryForList("""
                SELECT table_name || '.' || column_name
                FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'
                  AND table_name NOT LIKE 'batch\\_%' AND table_name <> 'flyway_schema_history'""", String.class);

        assertThat(withoutTimeZone).isEmpty();
    }

    @Test
    void keepsMoneyInBigintMinorUnits() {
        var notBigint = jdbc.queryForList("""
                SELECT table_name || '.' || column_name
                FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name LIKE '%\\_minor' AND data_type <> 'bigint'""", String.class);

        assertThat(notBigint).isEmpty();
    }
}
