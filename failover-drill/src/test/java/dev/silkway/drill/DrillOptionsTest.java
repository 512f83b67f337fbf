package dev.silkway.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DrillOptionsTest {

    @Test
    void runsEveryScenarioOnTheAuditLogByDefault() {
        DrillOptions options = DrillOptions.parse();

        assertThat(options.target()).isNull();
        assertThat(options.scenarios()).containsExactly(Scenario.values());
    }

    @Test
    void writesThroughTheRegistrationEndpointWhenGivenATarget() {
        DrillOptions options = DrillOptions.parse(
                "--target", "http://127.0.0.1:8080/api/v1/auth/register", "--scenarios", "switchover,kill-patroni");

        assertThat(options.target()).isEqualTo(URI.create("http://127.0.0.1:8080/api/v1/auth/register"));
        assertThat(options.scenarios()).containsExactly(Scenario.SWITCHOVER, Scenario.KILL_PATRONI);
    }

    @Test
    void rejectsAnUnknownScenario() {
        assertThatThrownBy(() -> DrillOptions.parse("--scenarios", "unplug"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kill-postmaster");
    }
}
