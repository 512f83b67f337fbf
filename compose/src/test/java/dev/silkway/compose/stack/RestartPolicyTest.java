package dev.silkway.compose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(2));

    @Test
    void doublesThePauseAfterEachQuickDeathUpToTheMaximum() {
        Duration pause = Duration.ZERO;
        StringBuilder pauses = new StringBuilder();
        for (int death = 0; death < 6; death++) {
            pause = policy.next(pause, Duration.ofSeconds(10));
            pauses.append(pause.toSeconds()).append(' ');
        }

        assertThat(pauses.toString().trim()).isEqualTo("1 2 4 8 8 8");
    }

    @Test
    void startsAgainFromTheFirstPauseAfterAStableRun() {
        assertThat(policy.next(Duration.ofSeconds(8), Duration.ofMinutes(3))).isEqualTo(Duration.ofSeconds(1));
    }
}
