package dev.silkway.db;

import static dev.silkway.db.ValidRows.bytes;
import static dev.silkway.db.Violations.assertRequires;
import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class AccountsSchemaIT {

    private static JdbcTemplate jdbc;
    private static ValidRows rows;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("accounts_schema");
        rows = new ValidRows(jdbc);
    }

    @Test
    void rejectsASecondAccountWithTheSameEmail() {
        byte[] emailBlindIndex = bytes(32);
        rows.user(emailBlindIndex);

        assertViolates("uq_users_email_bidx", () -> rows.user(emailBlindIndex));
    }

    @Test
    void rejectsAnActiveAccountWithoutItsPersonalData() {
        assertViolates(
                "ck_users_personal_data_present",
                () -> jdbc.update("INSERT INTO users (email_bidx, password_hash) VALUES (?, 'x')", bytes(32)));
    }

    @Test
    void freesTheEmailOfAnErasedAccount() {
        byte[] emailBlindIndex = bytes(32);
        UUID erased = rows.user(emailBlindIndex);

        jdbc.update("""
                UPDATE users SET status = 'DELETED', email_enc = NULL, email_bidx = NULL, full_name_enc = NULL,
                                 phone_enc = NULL, phone_bidx = NULL, name_search_bidx = '{}', password_hash = NULL
                WHERE id = ?""", erased);

        assertThat(rows.user(emailBlindIndex)).isNotEqualTo(erased);
    }

    @Test
    void rejectsAnUnknownAccountStatus() {
        UUID user = rows.user();

        assertViolates(
                "users_status_check", () -> jdbc.update("UPDATE users SET status = 'SUSPENDED' WHERE id = ?", user));
    }

    @Test
    void rejectsBlockingWithoutAReason() {
        UUID user = rows.user();

        assertViolates(
                "ck_users_blocked_has_reason",
                () -> jdbc.update("UPDATE users SET status = 'BLOCKED', blocked_at = now() WHERE id = ?", user));
    }

    @Test
    void rejectsAnUnknownRole() {
        UUID user = rows.user();

        assertViolates(
                "user_roles_role_code_fkey",
                () -> jdbc.update("INSERT INTO user_roles (user_id, role_code) VALUES (?, 'ROOT')", user));
    }

    @Test
    void rejectsARefreshTokenThatExpiresBeforeItIsIssued() {
        UUID user = rows.user();

        assertViolates("ck_refresh_tokens_expiry", () -> jdbc.update("""
                        INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
                        VALUES (?, gen_random_uuid(), ?, now() - interval '1 minute')""", user, bytes(32)));
    }

    @Test
    void rejectsARevokedRefreshTokenWithoutTheReason() {
        UUID user = rows.user();

        assertViolates("ck_refresh_tokens_revoke_reason", () -> jdbc.update("""
                        INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, revoked_at)
                        VALUES (?, gen_random_uuid(), ?, now() + interval '30 days', now())""", user, bytes(32)));
    }

    @Test
    void revokesAWholeTokenFamilyInOneStatement() {
        UUID user = rows.user();
        UUID family = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
                    VALUES (?, ?, ?, now() + interval '30 days')""", user, family, bytes(32));
        }

        int revoked = jdbc.update("""
                UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = 'REUSE_DETECTED'
                WHERE family_id = ? AND revoked_at IS NULL""", family);

        assertThat(revoked).isEqualTo(3);
    }

    @Test
    void rejectsAFailedLoginWithoutItsReason() {
        assertViolates(
                "ck_login_attempts_failure_reason",
                () -> jdbc.update(
                        "INSERT INTO login_attempts (email_bidx, client_address, succeeded) VALUES (?, '203.0.113.7', false)",
                        bytes(32)));
    }

    @Test
    void rejectsASecondDefaultAddress() {
        UUID user = rows.user();
        rows.address(user, true);

        assertViolates("uq_addresses_one_default_per_user", () -> rows.address(user, true));
    }

    @Test
    void acceptsManyAddressesBesideTheDefaultOne() {
        UUID user = rows.user();
        rows.address(user, true);
        rows.address(user, false);
        rows.address(user, false);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM addresses WHERE user_id = ?", Long.class, user))
                .isEqualTo(3);
    }

    @Test
    void rejectsAnAddressWithoutItsEncryptedStreet() {
        UUID user = rows.user();

        assertRequires(
                "street_enc", () -> jdbc.update("""
                        INSERT INTO addresses (user_id, label, recipient_name_enc, phone_enc, country, region_enc,
                                               city_enc, building_enc, postal_code_enc, pii_key_id)
                        VALUES (?, 'Work', ?, ?, 'KZ', ?, ?, ?, ?, 'pii-2025-01')""", user, bytes(9), bytes(9), bytes(9), bytes(9), bytes(9), bytes(9)));
    }

    @Test
    void rejectsACountryThatIsNotAnIsoAlpha2Code() {
        UUID address = rows.address(rows.user(), false);

        assertViolates(
                "addresses_country_check",
                () -> jdbc.update("UPDATE addresses SET country = 'ru' WHERE id = ?", address));
    }

    @Test
    void countsTheHitsOfAThrottleBucketWithOneUpsert() {
        String upsert = """
                INSERT INTO throttle_buckets (bucket_key, window_started_at, hits) VALUES (?, now(), 1)
                ON CONFLICT (bucket_key) DO UPDATE SET hits = throttle_buckets.hits + 1, updated_at = now()
                RETURNING hits""";

        jdbc.queryForObject(upsert, Integer.class, "login:ip:203.0.113.9");
        Integer hits = jdbc.queryForObject(upsert, Integer.class, "login:ip:203.0.113.9");

        assertThat(hits).isEqualTo(2);
    }
}
