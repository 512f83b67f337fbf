package dev.silkway.storefront.auth;

import dev.silkway.storefront.account.Accounts;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses an otherwise valid access token whose account is blocked or deleted, or which was issued
 * before the account's sessions were revoked (block, password reset): checked on every request
 * against the database (one primary-key read), so a block takes effect at once.
 */
@Component
class AccessGuard implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REVOKED =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session has ended", null));

    private final Accounts accounts;

    AccessGuard(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return REVOKED;
        }
        Object millis = token.getClaims().get(AccessTokens.ISSUED_AT_MILLIS_CLAIM);
        Instant issued = millis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : token.getIssuedAt();
        return accounts.accessState(userId)
                .filter(state -> state.allowsTokenIssuedAt(issued))
                .map(state -> OAuth2TokenValidatorResult.success())
                .orElse(REVOKED);
    }
}
