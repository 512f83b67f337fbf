package dev.silkway.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The access tokens whose account session {@link AccountSessionGuard} found valid, kept so that a shopper's next
 * requests need no read of the account (at most {@value #KEPT} tokens, each at most {@link #KEPT_FOR}). Kept exact
 * by the database's notifications ({@link AccountSessionChanges}): a change to an account's status, sessions,
 * roles or refresh tokens forgets its tokens; while the notifications are not heard (not yet, or the connection
 * lost) nothing is kept or used, and when they are heard again everything kept before is forgotten. A change made
 * by this application is also forgotten here when its transaction commits ({@link #forgetAfterCommit}), before the
 * notification comes back: the request after a logout is refused, not the one after that.
 */
public final class KeptSessions {

    static final int KEPT = 10_000;

    static final Duration KEPT_FOR = Duration.ofMinutes(1);

    private final Cache<String, UUID> valid =
            Caffeine.newBuilder().maximumSize(KEPT).expireAfterWrite(KEPT_FOR).build();

    /** Moves on with every change heard: a check that read the account before a change keeps nothing. */
    private final AtomicLong changes = new AtomicLong();

    private volatile boolean heard;

    /** Whether {@code token} was found valid and nothing of its account has changed since. */
    boolean valid(String token) {
        return heard && valid.getIfPresent(token) != null;
    }

    /** The count of changes heard so far, taken before the account is read. */
    long changesSoFar() {
        return changes.get();
    }

    /** Keeps {@code token} as valid, unless a change was heard since the check read the account. */
    void keep(String token, UUID account, long changesBeforeTheCheck) {
        if (!heard || changes.get() != changesBeforeTheCheck) {
            return;
        }
        valid.put(token, account);
        if (changes.get() != changesBeforeTheCheck) {
            valid.invalidate(token); // a change came while it was put: its forgetting may have run before
        }
    }

    /** Forgets the tokens of {@code account}: its status, sessions, roles or refresh tokens changed. */
    public void forget(UUID account) {
        changes.incrementAndGet();
        valid.asMap().values().removeIf(account::equals);
    }

    /**
     * Forgets the tokens of {@code account} once the current transaction commits (at once without one): for the
     * application's own changes, which then take effect here before their notification is heard.
     */
    public void forgetAfterCommit(UUID account) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forget(account);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forget(account);
            }
        });
    }

    /** The notifications are heard (again): everything kept before is forgotten, then tokens are kept. */
    void heard() {
        changes.incrementAndGet();
        valid.invalidateAll();
        heard = true;
    }

    /** The notifications are no longer heard: nothing is kept or used until they are. */
    void notHeard() {
        heard = false;
        changes.incrementAndGet();
        valid.invalidateAll();
    }
}
