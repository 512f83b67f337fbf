package dev.silkway.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an otherwise valid access token whose account is blocked or deleted, which was issued before the
 * account's sessions were revoked (block, password reset, "log out everywhere"), whose {@code roles} are no longer
 * the account's roles (an admin changed them), or whose session ({@code sid}, the refresh-token family) has ended
 * (logout, reuse of a refresh token): one primary-key read of {@code users} with its roles per request, so each
 * of these takes effect at once in every application that accepts the storefront's tokens, not when the token
 * expires. A client whose token was refused for its roles gets a token with the new roles from its refresh token.
 *
 * <p>With {@link KeptSessions} (the storefront, which every shopper's request passes) a token found valid is kept
 * and its account not read again until something of the account changes: the database notifies the change when it
 * commits ({@link AccountSessionChanges}), and the application's own changes are forgotten here at their commit.
 */
public final class AccountSessionGuard implements OAuth2TokenValidator<Jwt> {

    /** The issue instant in milliseconds: {@code iat} has whole seconds, too coarse to compare with a revocation. */
    public static final String ISSUED_AT_MILLIS_CLAIM = "iat_ms";

    /** The session: the refresh-token family the access token was issued with. */
    public static final String SESSION_CLAIM = "sid";

    /** The account's roles when the token was issued. */
    public static final String ROLES_CLAIM = "roles";

    private static final OAuth2TokenValidatorResult REVOKED =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session has ended", null));

    private final JdbcClient jdbc;
    private final @Nullable KeptSessions kept;

    /** Reads the account on every request. */
    public AccountSessionGuard(JdbcClient jdbc) {
        this(jdbc, null);
    }

    /** Reads the account for a token not {@code kept} as valid, and keeps it when it is. */
    public AccountSessionGuard(JdbcClient jdbc, @Nullable KeptSessions kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (kept != null && kept.valid(token.getTokenValue())) {
            return OAuth2TokenValidatorResult.success();
        }
        long changesBefore = kept == null ? 0 : kept.changesSoFar();
        UUID userId;
        UUID session;
        try {
            userId = UUID.fromString(token.getSubject());
            String sid = token.getClaimAsString(SESSION_CLAIM);
            session = sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException | NullPointerException e) {
            return REVOKED;
        }
        Instant issued = token.getClaims().get(ISSUED_AT_MILLIS_CLAIM) instanceof Number millis
                ? Instant.ofEpochMilli(millis.longValue())
                : token.getIssuedAt();
        if (issued == null) {
            return REVOKED;
        }
        List<String> claimed = token.getClaimAsStringList(ROLES_CLAIM);
        String[] roles = claimed == null ? new String[0] : claimed.toArray(String[]::new);
        List<Boolean> allowed = jdbc.sql("""
                        SELECT u.status = 'ACTIVE'
                               AND (u.sessions_revoked_at IS NULL OR u.sessions_revoked_at <= ?)
                               AND r.roles @> ?::text[] AND r.roles <@ ?::text[]
                               AND NOT EXISTS (SELECT 1 FROM refresh_tokens t
                                               WHERE t.family_id = ?::uuid AND t.revoked_at IS NOT NULL)
                        FROM users u,
                             LATERAL (SELECT coalesce(array_agg(role_code), '{}') AS roles
                                      FROM user_roles WHERE user_id = u.id) r
                        WHERE u.id = ?""")
                .param(Timestamp.from(issued))
                .param(roles)
                .param(roles)
                .param(session)
                .param(userId)
                .query(Boolean.class)
                .list();
        if (!allowed.equals(List.of(true))) {
            return REVOKED;
        }
        if (kept != null) {
            kept.keep(token.getTokenValue(), userId, changesBefore);
        }
        return OAuth2TokenValidatorResult.success();
    }
}
