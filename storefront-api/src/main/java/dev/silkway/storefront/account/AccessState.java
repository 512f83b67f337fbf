package dev.silkway.storefront.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What every authenticated request re-checks: the account's status and when its sessions were revoked. */
public record AccessState(AccountStatus status, @Nullable Instant sessionsRevokedAt) {

    public boolean allowsTokenIssuedAt(@Nullable Instant issuedAt) {
        if (status != AccountStatus.ACTIVE || issuedAt == null) {
            return false;
        }
        return sessionsRevokedAt == null || !issuedAt.isBefore(sessionsRevokedAt);
    }
}
