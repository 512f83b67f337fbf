package dev.silkway.storefront.auth;

import dev.silkway.storefront.account.Account;
import dev.silkway.storefront.account.Accounts;
import dev.silkway.storefront.account.EmailAddresses;
import dev.silkway.storefront.account.PasswordPolicy;
import dev.silkway.storefront.crypto.BlindIndex;
import dev.silkway.storefront.mail.MailOutbox;
import dev.silkway.storefront.mail.MailProperties;
import dev.silkway.storefront.mail.MailTemplate;
import dev.silkway.storefront.web.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password recovery: a 256-bit one-time token, stored hashed, valid 30 minutes, sent by mail through
 * the outbox; confirming it sets the password and ends every session of the account.
 */
@Service
public class PasswordResets {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final Throttle throttle;
    private final BlindIndex index;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Sessions sessions;
    private final AuthProperties properties;
    private final Clock clock;

    PasswordResets(
            Accounts accounts,
            JdbcClient jdbc,
            MailOutbox outbox,
            MailProperties mail,
            Throttle throttle,
            BlindIndex index,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            Sessions sessions,
            AuthProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.mail = mail;
        this.throttle = throttle;
        this.index = index;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A shopper's request: limited per client address (429); per email the extra requests are dropped
     * silently, and an unknown email sends nothing; the caller always answers 202.
     */
    @Transactional
    void request(String rawEmail, String clientAddress) {
        var limits = properties.throttling();
        throttle.hit("password-reset:ip:" + clientAddress, limits.resetsPerAddress(), Duration.ofHours(1))
                .ifPresent(retry -> {
                    throw new Problems.TooManyRequests(retry);
                });
        String email = EmailAddresses.normalize(rawEmail);
        String accountKey = "password-reset:account:" + HexFormat.of().formatHex(index.email(email));
        if (throttle.hit(accountKey, limits.resetsPerAccount(), Duration.ofHours(1))
                .isPresent()) {
            return;
        }
        accounts.byEmail(email).filter(Account::isActive).ifPresent(a -> send(a, null, clientAddress));
    }

    /** An admin's request for a user (audited by the caller). */
    @Transactional
    public boolean sendByAdmin(UUID userId, UUID adminId, String clientAddress) {
        return accounts.byId(userId)
                .map(a -> {
                    send(a, adminId, clientAddress);
                    return true;
                })
                .orElse(false);
    }

    private void send(Account account, @Nullable UUID requestedBy, String clientAddress) {
        String token = OneTimeTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO password_reset_tokens (user_id, token_hash, created_at, expires_at, requested_by, client_address)
                        VALUES (?, ?, ?, ?, ?, ?::inet)""")
                .params(
                        account.id(),
                        OneTimeTokens.hash(token),
                        at(now),
                        at(now.plus(properties.passwordResetTtl())),
                        requestedBy,
                        clientAddress)
                .update();
        String link = mail.publicUrl() + "/reset-password?token=" + token;
        outbox.enqueue(
                account.id(), MailTemplate.PASSWORD_RESET, "ru", account.email(), Map.of("link", link, "token", token));
    }

    /** Sets the new password once; every session of the account ends. */
    @Transactional
    void confirm(String token, String newPassword) {
        Instant now = clock.instant();
        var row = jdbc.sql("""
                        SELECT id, user_id FROM password_reset_tokens
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? FOR UPDATE""")
                .params(OneTimeTokens.hash(token), at(now))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional()
                .orElseThrow(Problems.InvalidOneTimeToken::new);
        UUID userId = (UUID) row[1];
        Account account = accounts.byId(userId).orElseThrow(Problems.InvalidOneTimeToken::new);
        policy.violation(newPassword, account.email()).ifPresent(v -> {
            throw ValidationFailed.field("newPassword", v);
        });
        jdbc.sql("UPDATE password_reset_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(at(now), userId)
                .update();
        accounts.changePassword(userId, encoder.encode(newPassword), now);
        sessions.revokeAll(userId, "PASSWORD_RESET");
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
