package dev.silkway.storefront.auth;

import dev.silkway.storefront.account.Account;
import dev.silkway.storefront.account.Accounts;
import dev.silkway.storefront.account.EmailAddresses;
import dev.silkway.storefront.cart.ShopperCarts;
import dev.silkway.storefront.crypto.BlindIndex;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-in with throttling that holds across instances: per client address (429) and per account
 * (5 failures in 15 minutes lock it for 15 minutes: 423). The account key is the email's blind
 * index, so an unknown email is counted, locked and answered exactly like a known one, and Argon2
 * runs against a dummy hash when there is no account: same answer, same time. A guest cart whose
 * token comes with the sign-in is merged into the shopper's cart.
 */
@Service
class Login {

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Throttle throttle;
    private final Sessions sessions;
    private final BlindIndex index;
    private final JdbcClient jdbc;
    private final AuthProperties.Throttling limits;
    private final Clock clock;
    private final String dummyHash;
    private final ShopperCarts carts;

    Login(
            Accounts accounts,
            PasswordEncoder encoder,
            Throttle throttle,
            Sessions sessions,
            BlindIndex index,
            JdbcClient jdbc,
            AuthProperties properties,
            Clock clock,
            ShopperCarts carts) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.index = index;
        this.jdbc = jdbc;
        this.limits = properties.throttling();
        this.clock = clock;
        this.dummyHash = encoder.encode(OneTimeTokens.generate());
        this.carts = carts;
    }

    Sessions.TokenPair login(
            String rawEmail,
            String password,
            String clientAddress,
            @Nullable String userAgent,
            @Nullable String cartToken) {
        String email = EmailAddresses.normalize(rawEmail);
        byte[] bidx = index.email(email);
        String accountKey = "login:account:" + HexFormat.of().formatHex(bidx);
        var addressLimited = throttle.hit("login:ip:" + clientAddress, limits.loginPerAddress(), limits.loginWindow());
        if (addressLimited.isPresent()) {
            record(bidx, null, clientAddress, "THROTTLED");
            throw new Problems.TooManyRequests(addressLimited.get());
        }
        var locked = throttle.lockedFor(accountKey);
        if (locked.isPresent()) {
            record(bidx, null, clientAddress, "LOCKED");
            throw new Problems.AccountLocked(locked.get());
        }
        Optional<Account> account = accounts.byEmail(email);
        boolean matches =
                encoder.matches(password, account.map(Account::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches) {
            record(
                    bidx,
                    account.map(Account::id).orElse(null),
                    clientAddress,
                    account.isEmpty() ? "UNKNOWN_ACCOUNT" : "BAD_CREDENTIALS");
            throttle.failure(accountKey, limits.loginFailures(), limits.loginWindow(), limits.loginWindow());
            throw new Problems.BadCredentials();
        }
        Account found = account.get();
        if (!found.isActive()) {
            record(bidx, found.id(), clientAddress, "BLOCKED");
            throw new Problems.AccountBlocked();
        }
        throttle.reset(accountKey);
        if (encoder.upgradeEncoding(found.passwordHash())) {
            accounts.rehashPassword(found.id(), encoder.encode(password));
        }
        accounts.recordLogin(found.id(), clock.instant());
        record(bidx, found.id(), clientAddress, null);
        if (cartToken != null && !cartToken.isBlank()) {
            carts.mergeGuestCart(cartToken, found.id());
        }
        return sessions.start(found, clientAddress, userAgent);
    }

    private void record(byte[] bidx, @Nullable UUID userId, String clientAddress, @Nullable String failure) {
        jdbc.sql("""
                        INSERT INTO login_attempts (email_bidx, user_id, client_address, succeeded, failure_reason, attempted_at)
                        VALUES (?, ?, ?::inet, ?, ?, ?)""")
                .params(
                        bidx,
                        userId,
                        clientAddress,
                        failure == null,
                        failure,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }
}
