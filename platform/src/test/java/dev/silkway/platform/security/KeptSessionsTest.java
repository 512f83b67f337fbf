package dev.silkway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class KeptSessionsTest {

    private final KeptSessions kept = new KeptSessions();
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void aTokenKeptIsValidUntilItsAccountChangesAndOtherAccountsKeepTheirs() {
        kept.heard();
        kept.keep("ann-1", ann, kept.changesSoFar());
        kept.keep("ann-2", ann, kept.changesSoFar());
        kept.keep("bob-1", bob, kept.changesSoFar());
        assertThat(kept.valid("ann-1")).isTrue();

        kept.forget(ann);

        assertThat(kept.valid("ann-1")).isFalse();
        assertThat(kept.valid("ann-2")).isFalse();
        assertThat(kept.valid("bob-1")).isTrue();
        assertThat(kept.valid("never-kept")).isFalse();
    }

    @Test
    void aCheckThatReadTheAccountBeforeAChangeKeepsNothing() {
        kept.heard();
        long before = kept.changesSoFar();
        kept.forget(bob); // any change heard while the account was read

        kept.keep("ann-1", ann, before);

        assertThat(kept.valid("ann-1")).isFalse();
    }

    @Test
    void nothingIsKeptWhileTheChangesAreNotHeardAndAllKeptBeforeIsForgottenWhenTheyAreAgain() {
        kept.keep("ann-1", ann, kept.changesSoFar());
        assertThat(kept.valid("ann-1")).as("not heard yet").isFalse();

        kept.heard();
        kept.keep("ann-1", ann, kept.changesSoFar());
        kept.notHeard();
        assertThat(kept.valid("ann-1")).isFalse();
        kept.keep("bob-1", bob, kept.changesSoFar());

        kept.heard();
        assertThat(kept.valid("ann-1")).isFalse();
        assertThat(kept.valid("bob-1")).isFalse();
    }

    @Test
    void anApplicationsOwnChangeIsForgottenWhenItCommitsAndNotWhenItRollsBack() {
        kept.heard();
        kept.keep("ann-1", ann, kept.changesSoFar());
        kept.keep("bob-1", bob, kept.changesSoFar());

        TransactionSynchronizationManager.initSynchronization();
        try {
            kept.forgetAfterCommit(ann);
            assertThat(kept.valid("ann-1")).as("before the commit").isTrue();
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(kept.valid("ann-1")).isFalse();

        TransactionSynchronizationManager.initSynchronization();
        try {
            kept.forgetAfterCommit(bob);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(kept.valid("bob-1")).isTrue();

        kept.forgetAfterCommit(bob); // no transaction: at once
        assertThat(kept.valid("bob-1")).isFalse();
    }
}
