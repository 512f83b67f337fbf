package dev.silkway.compose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void declaredFeedsMayReachTheSandboxUnlessTheEnvironmentSaysOtherwise() {
        StackSettings moved = StackSettings.from(Path.of("/silkway"), Map.of("SANDBOX_PORT", "18090"));
        StackSettings chosen = StackSettings.from(
                Path.of("/silkway"), Map.of("SILKWAY_FEED_ALLOWED_HOSTS", "feeds.internal:8443,10.1.2.3:80"));

        assertThat(StackSettings.from(Path.of("/silkway"), Map.of()).feedAllowedHosts())
                .isEqualTo("127.0.0.1:8090");
        assertThat(moved.feedAllowedHosts()).isEqualTo("127.0.0.1:18090");
        assertThat(chosen.feedAllowedHosts()).isEqualTo("feeds.internal:8443,10.1.2.3:80");
        assertThat(StackApplication.all(chosen).stream()
                        .filter(a -> a.name().equals("ingestion"))
                        .flatMap(a -> a.args().stream()))
                .contains("--silkway.feeds.allowed-hosts=feeds.internal:8443,10.1.2.3:80");
    }
}
