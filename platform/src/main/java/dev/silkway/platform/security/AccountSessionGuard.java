package dev.silkway.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an otherwise valid access token whose account is blocked or deleted, or which was issued before the
 * account's sessions were revoked (block, password reset, "log out everywhere"): one primary-key read of
 * {@code users} per request, so a block takes effect at once in every application that accepts the storefront's
 * tokens, not when the token expires.
 */
public final class AccountSessionGuard implements OAuth2TokenValidator<Jwt> {

    /** The issue instant in milliseconds: {@code iat} has whole seconds, too coarse to compare with a revocation. */
    public static final String ISSUED_AT_MILLIS_CLAIM = "iat_ms";

    private static final OAuth2TokenValidatorResult REVOKED =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session has ended", null));

    private final JdbcClient jdbc;

    public AccountSessionGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return REVOKED;
        }
        Instant issued = token.getClaims().get(ISSUED_AT_MILLIS_CLAIM) instanceof Number millis
                ? Instant.ofEpochMilli(millis.longValue())
                : token.getIssuedAt();
        if (issued == null) {
            return REVOKED;
        }
        List<Boolean> allowed = jdbc.sql("SELECT status = 'ACTIVE' AND (sessions_revoked_at IS NULL"
                        + " OR sessions_revoked_at <= ?) FROM users WHERE id = ?")
                .param(Timestamp.from(issued))
                .param(userId)
                .query(Boolean.class)
                .list();
        return allowed.equals(List.of(true)) ? OAuth2TokenValidatorResult.success() : REVOKED;
    }
}
