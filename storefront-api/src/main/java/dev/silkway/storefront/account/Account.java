package dev.silkway.storefront.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account with its personal data decrypted. Never logged: {@link #toString()} shows the id only. */
public record Account(
        UUID id,
        String email,
        String fullName,
        String phone,
        AccountStatus status,
        Set<String> roles,
        String passwordHash,
        @Nullable Instant emailVerifiedAt,
        @Nullable String blockedReason,
        Instant createdAt) {

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + status + "]";
    }
}
