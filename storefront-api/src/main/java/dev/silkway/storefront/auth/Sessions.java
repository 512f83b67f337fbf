package dev.silkway.storefront.auth;

import dev.silkway.platform.security.KeptSessions;
import dev.silkway.storefront.account.Account;
import dev.silkway.storefront.account.Accounts;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token pairs: issued at sign-in, rotated on refresh, revoked on logout, reset and block. A revocation also forgets
 * the account's kept access tokens when it commits ({@link KeptSessions}), so the next request checks the session.
 */
@Service
public class Sessions {

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Accounts accounts;
    private final KeptSessions kept;
    private final Clock clock;

    Sessions(
            AccessTokens accessTokens, RefreshTokens refreshTokens, Accounts accounts, KeptSessions kept, Clock clock) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.kept = kept;
        this.clock = clock;
    }

    TokenPair start(Account account, String clientAddress, @Nullable String userAgent) {
        UUID family = UUID.randomUUID();
        String refresh = refreshTokens.issue(account.id(), family, null, clientAddress, userAgent);
        return new TokenPair(
                accessTokens.issue(account, family), refresh, accessTokens.ttl().toSeconds());
    }

    /**
     * Rotates a refresh token. A token already used means it was copied: its family is revoked and
     * the caller must sign in again (this runs in its own transaction, so the revocation commits
     * even though the request fails).
     */
    @Transactional(noRollbackFor = Problems.InvalidRefreshToken.class)
    TokenPair refresh(String token, String clientAddress, @Nullable String userAgent) {
        var stored = refreshTokens.findForUpdate(token).orElseThrow(Problems.InvalidRefreshToken::new);
        if (stored.used()) {
            refreshTokens.revokeFamily(stored.familyId(), "REUSE_DETECTED");
            kept.forgetAfterCommit(stored.userId());
            throw new Problems.InvalidRefreshToken();
        }
        if (stored.revoked() || !stored.expiresAt().isAfter(clock.instant())) {
            throw new Problems.InvalidRefreshToken();
        }
        Account account =
                accounts.byId(stored.userId()).filter(Account::isActive).orElseThrow(Problems.InvalidRefreshToken::new);
        refreshTokens.markUsed(stored.id());
        String next = refreshTokens.issue(account.id(), stored.familyId(), stored.id(), clientAddress, userAgent);
        return new TokenPair(
                accessTokens.issue(account, stored.familyId()),
                next,
                accessTokens.ttl().toSeconds());
    }

    /** Ends the session: its refresh tokens and, through the session check, its access tokens at once. */
    @Transactional
    void logout(String token) {
        refreshTokens.findForUpdate(token).ifPresent(stored -> {
            refreshTokens.revokeFamily(stored.familyId(), "LOGOUT");
            kept.forgetAfterCommit(stored.userId());
        });
    }

    /** Ends every session of the user: refresh tokens revoked; access tokens are refused by the account check. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAll(UUID userId, String reason) {
        refreshTokens.revokeAllOf(userId, reason);
        kept.forgetAfterCommit(userId);
    }

    record TokenPair(String accessToken, String refreshToken, long expiresIn) {}
}
