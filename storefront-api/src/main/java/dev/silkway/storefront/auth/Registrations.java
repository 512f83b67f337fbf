package dev.silkway.storefront.auth;

import dev.silkway.platform.database.RetryingTransactions;
import dev.silkway.platform.database.TransientFailureRetry;
import dev.silkway.storefront.account.Account;
import dev.silkway.storefront.account.Accounts;
import dev.silkway.storefront.account.EmailAddresses;
import dev.silkway.storefront.account.PasswordPolicy;
import dev.silkway.storefront.account.PhoneNumbers;
import dev.silkway.storefront.crypto.BlindIndex;
import dev.silkway.storefront.mail.MailOutbox;
import dev.silkway.storefront.mail.MailProperties;
import dev.silkway.storefront.mail.MailTemplate;
import dev.silkway.storefront.profile.AddressBook;
import dev.silkway.storefront.web.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration (rate-limited per client address) and the email-verification link it mails. The
 * account is written in a {@link RetryingTransactions}: a failover makes a registration slower, not
 * failed. The password is hashed once, before the transaction, and the account id is chosen before it
 * too, so an attempt run again after a lost COMMIT finds its own account instead of a duplicate email.
 */
@Service
class Registrations {

    private final Accounts accounts;
    private final AddressBook addresses;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Throttle throttle;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final BlindIndex index;
    private final JdbcClient jdbc;
    private final AuthProperties properties;
    private final TransientFailureRetry retry;
    private final RetryingTransactions transactions;
    private final Clock clock;

    Registrations(
            Accounts accounts,
            AddressBook addresses,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            Throttle throttle,
            MailOutbox outbox,
            MailProperties mail,
            BlindIndex index,
            JdbcClient jdbc,
            AuthProperties properties,
            TransientFailureRetry retry,
            RetryingTransactions transactions,
            Clock clock) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.policy = policy;
        this.encoder = encoder;
        this.throttle = throttle;
        this.outbox = outbox;
        this.mail = mail;
        this.index = index;
        this.jdbc = jdbc;
        this.properties = properties;
        this.retry = retry;
        this.transactions = transactions;
        this.clock = clock;
    }

    Account register(AuthController.RegisterRequest request, String clientAddress) {
        // The throttle counts in a transaction of its own (REQUIRES_NEW); retried, a hit may count twice.
        retry.run(() -> throttle.hit(
                        "register:ip:" + clientAddress,
                        properties.throttling().registrationsPerAddress(),
                        Duration.ofHours(1)))
                .ifPresent(wait -> {
                    throw new Problems.TooManyRequests(wait);
                });
        String email = EmailAddresses.normalize(request.email());
        List<Map<String, String>> errors = new ArrayList<>();
        if (!EmailAddresses.isValid(email)) {
            errors.add(Map.of("field", "email", "message", "is not a valid email address"));
        }
        var phone = PhoneNumbers.toE164(request.phone());
        if (phone.isEmpty()) {
            errors.add(Map.of("field", "phone", "message", "must be a phone number in international format (E.164)"));
        }
        policy.violation(request.password(), email)
                .ifPresent(v -> errors.add(Map.of("field", "password", "message", v)));
        if (request.address() != null) {
            errors.addAll(addresses.violations(request.address(), "address."));
        }
        if (!errors.isEmpty()) {
            throw ValidationFailed.fields(errors);
        }
        String fullName = request.fullName().strip();
        String passwordHash = encoder.encode(request.password());
        UUID id = UUID.randomUUID();
        return transactions.execute(status -> {
            var committed = accounts.byId(id);
            if (committed.isPresent()) {
                return committed.get(); // an earlier attempt committed, but its answer was lost
            }
            accounts.create(id, email, fullName, phone.get(), passwordHash, Set.of("SHOPPER"));
            if (request.address() != null) {
                addresses.add(id, request.address().asDefault());
            }
            sendVerification(id, email);
            return accounts.byId(id).orElseThrow();
        });
    }

    private void sendVerification(UUID userId, String email) {
        String token = OneTimeTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO email_verification_tokens (user_id, token_hash, email_bidx, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(
                        userId,
                        OneTimeTokens.hash(token),
                        index.email(email),
                        at(now),
                        at(now.plus(properties.emailVerificationTtl())))
                .update();
        String link = mail.publicUrl() + "/verify-email?token=" + token;
        outbox.enqueue(userId, MailTemplate.EMAIL_VERIFICATION, "ru", email, Map.of("link", link));
    }

    /** Confirms the email the token was sent to (not one the user has changed to since). */
    @Transactional
    void verifyEmail(String token) {
        Instant now = clock.instant();
        var row = jdbc.sql("""
                        SELECT t.id, t.user_id FROM email_verification_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > ? AND u.email_bidx = t.email_bidx
                        FOR UPDATE OF t""")
                .params(OneTimeTokens.hash(token), at(now))
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional()
                .orElseThrow(Problems.InvalidOneTimeToken::new);
        jdbc.sql("UPDATE email_verification_tokens SET used_at = ? WHERE id = ?")
                .params(at(now), row[0])
                .update();
        accounts.markEmailVerified(row[1], now);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
