package dev.silkway.ingestion.generic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The re-encrypt command's work on a migrated database: every feed re-sealed under the new key, once. */
class FeedSecretRotationIT {

    @Test
    void reSealsEveryFeedUnderTheActiveKeySoTheOldKeyCanBeDropped() {
        var dataSource = new DriverManagerDataSource(
                TestDatabases.jdbcUrl(TestDatabases.fresh("ingestion-feed-keys")),
                Services.postgres().user(),
                Services.postgres().password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SecretBox old = FeedSecretKeysTest.box(FeedSecretKeysTest.K1, "");
        for (String code : new String[] {"shop-a", "shop-b", "shop-c"}) {
            SecretBox.Sealed sealed =
                    old.seal(code, ("{\"key\":\"key-of-" + code + "\"}").getBytes(StandardCharsets.UTF_8));
            jdbc.update(
                    "INSERT INTO marketplaces (code, name, protocol, enabled, schedule, schedule_time_zone,"
                            + " feed_definition, feed_secret_enc, feed_secret_key_id)"
                            + " VALUES (?, ?, 'generic-json', false, '0 0 3 * * ?', 'UTC', '{}'::jsonb, ?, ?)",
                    code,
                    code,
                    sealed.value(),
                    sealed.keyId());
        }
        SecretBox ring = FeedSecretKeysTest.box(FeedSecretKeysTest.K1 + "," + FeedSecretKeysTest.K2, "k2");
        FeedSecretRotation rotation = new FeedSecretRotation(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                ring,
                new FeedSecretProperties("", "", 2));

        assertThat(rotation.rotateAll()).isEqualTo(3);
        assertThat(rotation.rotateAll()).as("nothing left to rotate").isZero();

        SecretBox newOnly = FeedSecretKeysTest.box(FeedSecretKeysTest.K2, "k2");
        assertThat(jdbc.query(
                        "SELECT code, feed_secret_enc, feed_secret_key_id FROM marketplaces"
                                + " WHERE feed_secret_enc IS NOT NULL ORDER BY code",
                        (rs, i) -> new String(
                                newOnly.open(rs.getString(1), rs.getBytes(2), rs.getString(3)),
                                StandardCharsets.UTF_8)))
                .containsExactly(
                        "{\"key\":\"key-of-shop-a\"}", "{\"key\":\"key-of-shop-b\"}", "{\"key\":\"key-of-shop-c\"}");
    }
}
