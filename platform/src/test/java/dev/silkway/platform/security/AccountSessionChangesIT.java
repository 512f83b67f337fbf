package dev.silkway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.StaffTokens;
import dev.silkway.testsupport.TestDatabases;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database's notifications of account session changes (V93) reach {@link KeptSessions}: whoever commits a
 * change, the account's kept tokens are forgotten; while the connection is lost nothing is kept.
 */
class AccountSessionChangesIT {

    private final KeptSessions kept = new KeptSessions();
    private HikariDataSource database;
    private JdbcClient jdbc;
    private AccountSessionChanges changes;

    @BeforeEach
    void listen() {
        database = new HikariDataSource();
        database.setJdbcUrl(TestDatabases.jdbcUrl(TestDatabases.fresh("account_session_changes")));
        database.setUsername(Services.postgres().user());
        database.setPassword(Services.postgres().password());
        jdbc = JdbcClient.create(database);
        changes = new AccountSessionChanges(database, kept);
        changes.start();
    }

    @AfterEach
    void stop() {
        changes.stop();
        database.close();
    }

    @Test
    void everyChangeThatCanEndASessionForgetsTheAccountsTokensAndOnlyItsTokens() {
        UUID blocked = StaffTokens.createAccount(database, "SHOPPER");
        UUID demoted = StaffTokens.createAccount(database, "OPERATOR");
        UUID loggedOut = StaffTokens.createAccount(database, "SHOPPER");
        UUID bystander = StaffTokens.createAccount(database, "SHOPPER");
        UUID family = UUID.randomUUID();
        jdbc.sql("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)"
                        + " VALUES (?, ?, ?, now() + interval '1 day')")
                .params(loggedOut, family, UUID.randomUUID().toString().getBytes())
                .update();
        keptOnceHeard("blocked", blocked);
        keptOnceHeard("demoted", demoted);
        keptOnceHeard("logged-out", loggedOut);
        keptOnceHeard("bystander", bystander);

        jdbc.sql("UPDATE users SET status = 'BLOCKED', blocked_at = now(), blocked_reason = 'test' WHERE id = ?")
                .param(blocked)
                .update();
        jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(demoted).update();
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = 'LOGOUT' WHERE family_id = ?")
                .param(family)
                .update();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !kept.valid("blocked") && !kept.valid("demoted") && !kept.valid("logged-out"));
        assertThat(kept.valid("bystander")).isTrue();
    }

    @Test
    void aChangeNotCommittedForgetsNothing() {
        UUID account = StaffTokens.createAccount(database, "SHOPPER");
        UUID other = StaffTokens.createAccount(database, "SHOPPER");
        keptOnceHeard("kept", account);
        keptOnceHeard("other", other);

        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(database));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE users SET sessions_revoked_at = now() WHERE id = ?")
                    .param(account)
                    .update();
            tx.setRollbackOnly();
        });
        // a committed change after it: once that one is heard, the rolled back one would have been too
        jdbc.sql("UPDATE users SET sessions_revoked_at = now() WHERE id = ?")
                .param(other)
                .update();

        await().atMost(Duration.ofSeconds(10)).until(() -> !kept.valid("other"));
        assertThat(kept.valid("kept")).isTrue();
    }

    @Test
    void whileTheConnectionIsLostNothingIsKeptAndOnceItListensAgainAllKeptBeforeIsForgotten() {
        UUID account = StaffTokens.createAccount(database, "SHOPPER");
        keptOnceHeard("before", account);

        int terminated = jdbc.sql("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = current_database() AND query IN ('LISTEN account_sessions', 'SELECT 1')""").query(Integer.class).single();
        assertThat(terminated).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !kept.valid("before"));
        keptOnceHeard("after", account);
        assertThat(kept.valid("before"))
                .as("kept before the connection was lost")
                .isFalse();
    }

    /** Keeps {@code token} once the notifications are heard (until then nothing is kept). */
    private void keptOnceHeard(String token, UUID account) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            kept.keep(token, account, kept.changesSoFar());
            return kept.valid(token);
        });
    }
}
