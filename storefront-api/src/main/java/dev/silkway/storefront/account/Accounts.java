package dev.silkway.storefront.account;

import dev.silkway.platform.security.KeptSessions;
import dev.silkway.storefront.crypto.BlindIndex;
import dev.silkway.storefront.crypto.PiiCipher;
import dev.silkway.storefront.crypto.PiiColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users table. Personal data is sealed here on the way in and opened on the way out; a row is
 * always rewritten whole under the active key, because the row has one key id.
 */
@Repository
public class Accounts {

    private static final String COLUMNS =
            "u.id, u.email_enc, u.full_name_enc, u.phone_enc, u.pii_key_id, u.password_hash,"
                    + " u.status, u.email_verified_at, u.blocked_reason, u.created_at,"
                    + " (SELECT coalesce(array_agg(r.role_code), '{}') FROM user_roles r WHERE r.user_id = u.id) AS roles";

    private static final PiiColumn EMAIL = PiiColumn.of("users", "email_enc");
    private static final PiiColumn FULL_NAME = PiiColumn.of("users", "full_name_enc");
    private static final PiiColumn PHONE = PiiColumn.of("users", "phone_enc");

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final BlindIndex index;
    private final KeptSessions kept;

    Accounts(JdbcClient jdbc, PiiCipher cipher, BlindIndex index, KeptSessions kept) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.kept = kept;
    }

    /** Creates an active account; the email must be normalized and the phone E.164. */
    public UUID create(String email, String fullName, String phone, String passwordHash, Set<String> roles) {
        UUID id = UUID.randomUUID();
        create(id, email, fullName, phone, passwordHash, roles);
        return id;
    }

    /**
     * Creates an active account under an id the caller chose, so that a caller retrying after a lost
     * COMMIT can tell its own committed account ({@link #byId}) from someone else's email.
     */
    public void create(UUID id, String email, String fullName, String phone, String passwordHash, Set<String> roles) {
        try {
            jdbc.sql("""
                            INSERT INTO users (id, email_enc, email_bidx, full_name_enc, phone_enc, phone_bidx,
                                               name_search_bidx, pii_key_id, password_hash)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            cipher.seal(email, EMAIL, id),
                            index.email(email),
                            cipher.seal(fullName, FULL_NAME, id),
                            cipher.seal(phone, PHONE, id),
                            index.phone(phone),
                            index.namePrefixes(fullName),
                            cipher.activeKeyId(),
                            passwordHash)
                    .update();
        } catch (DuplicateKeyException e) {
            throw EmailAlreadyRegistered.create();
        }
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)")
                    .params(id, role)
                    .update();
        }
    }

    public Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = ? AND u.status <> 'DELETED'")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** By the normalized email, through its blind index. */
    public Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.email_bidx = ?")
                .param(index.email(email))
                .query(this::map)
                .optional();
    }

    public boolean anyWithRole(String role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_roles WHERE role_code = ?)")
                .param(role)
                .query(Boolean.class)
                .single();
    }

    /** Rewrites the personal data (all of it, under the active key). */
    public void updateProfile(UUID id, String email, String fullName, String phone) {
        jdbc.sql("""
                        UPDATE users SET email_enc = ?, full_name_enc = ?, phone_enc = ?, phone_bidx = ?,
                               name_search_bidx = ?, pii_key_id = ?, pii_aad_bound = true, updated_at = now(),
                               version = version + 1
                        WHERE id = ?""")
                .params(
                        cipher.seal(email, EMAIL, id),
                        cipher.seal(fullName, FULL_NAME, id),
                        cipher.seal(phone, PHONE, id),
                        index.phone(phone),
                        index.namePrefixes(fullName),
                        cipher.activeKeyId(),
                        id)
                .update();
    }

    /** Sets a new password hash and ends every session started before {@code now}. */
    public void changePassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = ?, sessions_revoked_at = ?, updated_at = now() WHERE id = ?")
                .params(passwordHash, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), id)
                .update();
        kept.forgetAfterCommit(id);
    }

    public void rehashPassword(UUID id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
                .params(passwordHash, id)
                .update();
    }

    /** Blocks the account and ends its sessions at once; false when there is no such active account. */
    public boolean block(UUID id, String reason, UUID by, Instant now) {
        var at = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
        boolean blocked = jdbc.sql("""
                        UPDATE users SET status = 'BLOCKED', blocked_at = ?, blocked_reason = ?, blocked_by = ?,
                               sessions_revoked_at = ?, updated_at = now()
                        WHERE id = ? AND status <> 'DELETED'""").params(at, reason, by, at, id).update() == 1;
        kept.forgetAfterCommit(id);
        return blocked;
    }

    public boolean unblock(UUID id) {
        return jdbc.sql("""
                        UPDATE users SET status = 'ACTIVE', blocked_at = NULL, blocked_reason = NULL, blocked_by = NULL,
                               updated_at = now()
                        WHERE id = ? AND status <> 'DELETED'""").param(id).update() == 1;
    }

    public void markEmailVerified(UUID id, Instant now) {
        jdbc.sql("UPDATE users SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL")
                .params(OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), id)
                .update();
    }

    public void recordLogin(UUID id, Instant now) {
        jdbc.sql("UPDATE users SET last_login_at = ? WHERE id = ?")
                .params(OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), id)
                .update();
    }

    /**
     * Admin search: {@code query} is an exact email (contains {@code @}), an exact phone (parses as
     * E.164), or a name prefix; every criterion is optional.
     */
    public AccountPage search(@Nullable String query, @Nullable AccountStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE u.status <> 'DELETED'");
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            String q = query.trim();
            if (q.contains("@")) {
                where.append(" AND u.email_bidx = :bidx");
                params.put("bidx", index.email(EmailAddresses.normalize(q)));
            } else if (q.matches("^[+\\d][\\d\\s\\-().]{6,}$")
                    && PhoneNumbers.toE164(q).isPresent()) {
                where.append(" AND u.phone_bidx = :bidx");
                params.put("bidx", index.phone(PhoneNumbers.toE164(q).orElseThrow()));
            } else {
                where.append(" AND u.name_search_bidx @> ARRAY[:bidx]::bytea[]");
                params.put("bidx", index.namePrefix(q));
            }
        }
        if (status != null) {
            where.append(" AND u.status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM users u" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Account> items = jdbc.sql("SELECT " + COLUMNS + " FROM users u" + where
                        + " ORDER BY u.created_at DESC, u.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(this::map)
                .list();
        return new AccountPage(items, total);
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        String keyId = rs.getString("pii_key_id");
        UUID id = rs.getObject("id", UUID.class);
        Set<String> roles = new HashSet<>();
        java.sql.Array array = rs.getArray("roles");
        if (array != null) {
            for (Object role : (Object[]) array.getArray()) {
                roles.add(role.toString());
            }
        }
        return new Account(
                id,
                cipher.open(rs.getBytes("email_enc"), keyId, EMAIL, id),
                cipher.open(rs.getBytes("full_name_enc"), keyId, FULL_NAME, id),
                cipher.open(rs.getBytes("phone_enc"), keyId, PHONE, id),
                AccountStatus.valueOf(rs.getString("status")),
                Set.copyOf(roles),
                rs.getString("password_hash"),
                instant(rs.getTimestamp("email_verified_at")),
                rs.getString("blocked_reason"),
                instant(rs.getTimestamp("created_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One page of the admin search. */
    public record AccountPage(List<Account> items, long total) {
        public AccountPage {
            items = new ArrayList<>(items);
        }
    }
}
