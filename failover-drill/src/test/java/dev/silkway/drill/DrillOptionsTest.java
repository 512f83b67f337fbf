package dev.silkway.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DrillOptionsTest {

    @Test
    void runsEveryScenarioUnderASteadyRegistrationLoadByDefault() {
        DrillOptions options = DrillOptions.parse();

        assertThat(options.scenarios()).containsExactly(Scenario.values());
        assertThat(options.writers()).isEqualTo(4);
        assertThat(options.writesPerSecond()).isEqualTo(8);
    }

    @Test
    void narrowsTheScenariosAndReshapesTheLoad() {
        DrillOptions options =
                DrillOptions.parse("--scenarios", "switchover,kill-patroni", "--writers", "2", "--rate", "4");

        assertThat(options.scenarios()).containsExactly(Scenario.SWITCHOVER, Scenario.KILL_PATRONI);
        assertThat(options.writers()).isEqualTo(2);
        assertThat(options.writesPerSecond()).isEqualTo(4);
    }

    @Test
    void stopsTheClusterItStartedUnlessAskedToKeepIt() {
        assertThat(DrillOptions.parse("--rate", "4").keepCluster()).isFalse();
        assertThat(DrillOptions.parse("--keep", "--rate", "4").keepCluster()).isTrue();
    }

    @Test
    void rejectsAnUnknownScenario() {
        assertThatThrownBy(() -> DrillOptions.parse("--scenarios", "unplug"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kill-postmaster");
    }
}
