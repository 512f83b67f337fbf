package dev.silkway.storefront.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque refresh tokens, stored as SHA-256 hashes. Each use rotates the token (the old one is marked
 * used, a child of the same family is issued); presenting a used token revokes the whole family.
 */
@Repository
class RefreshTokens {

    private final JdbcClient jdbc;
    private final AuthProperties properties;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues a token; {@code familyId} null starts a new family (a new sign-in). */
    String issue(
            UUID userId,
            @Nullable UUID familyId,
            @Nullable UUID parentId,
            String clientAddress,
            @Nullable String userAgent) {
        String token = OneTimeTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO refresh_tokens (user_id, family_id, parent_id, token_hash, issued_at, expires_at,
                                                    client_address, user_agent)
                        VALUES (?, ?, ?, ?, ?, ?, ?::inet, ?)""")
                .params(
                        userId,
                        familyId == null ? UUID.randomUUID() : familyId,
                        parentId,
                        OneTimeTokens.hash(token),
                        at(now),
                        at(now.plus(properties.refreshTokenTtl())),
                        clientAddress,
                        userAgent)
                .update();
        return token;
    }

    /** The stored token, locked for the rest of the transaction. */
    Optional<Stored> findForUpdate(String token) {
        return jdbc.sql("""
                        SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens
                        WHERE token_hash = ? FOR UPDATE""")
                .param(OneTimeTokens.hash(token))
                .query((rs, n) -> new Stored(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) != null,
                        rs.getTimestamp(6) != null))
                .optional();
    }

    void markUsed(UUID id) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE id = ?")
                .params(at(clock.instant()), id)
                .update();
    }

    void revokeFamily(UUID familyId, String reason) {
        jdbc.sql(
                        "UPDATE refresh_tokens SET revoked_at = ?, revoke_reason = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(at(clock.instant()), reason, familyId)
                .update();
    }

    void revokeAllOf(UUID userId, String reason) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(at(clock.instant()), reason, userId)
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    record Stored(UUID id, UUID userId, UUID familyId, Instant expiresAt, boolean used, boolean revoked) {}
}
