package dev.silkway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutageTest {

    private static final long MS = 1_000_000;

    @Test
    void writesComeBackWithTheFirstAcknowledgementAfterTheFaultWhenNoneCameBetween() {
        List<LoadGenerator.Ack> acks = List.of(ack(4_200), ack(4_300), ack(4_450));

        assertThat(FailoverDrill.outageEnd(acks, 0)).isEqualTo(4_200 * MS);
    }

    @Test
    void acknowledgementsOfTheOldPrimaryAfterTheFaultAreNotTheRecovery() {
        // An orphaned primary keeps acknowledging for 2 s, then nothing for 3 s, then the new primary.
        List<LoadGenerator.Ack> acks = List.of(ack(5_300), ack(1_000), ack(400), ack(1_900), ack(5_150), ack(5_500));

        assertThat(FailoverDrill.outageEnd(acks, 0)).isEqualTo(5_150 * MS);
    }

    private static LoadGenerator.Ack ack(long atMillis) {
        return new LoadGenerator.Ack("k" + atMillis, atMillis * MS - 50 * MS, atMillis * MS);
    }
}
