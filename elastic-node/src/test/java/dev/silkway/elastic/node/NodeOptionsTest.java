package dev.silkway.elastic.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeOptionsTest {

    private static final Path DIST = Path.of("/opt/silkway/elastic-node");

    @Test
    void readsTheFoldersAndThePortFromArguments() {
        NodeOptions options = NodeOptions.parse(
                new String[] {"--home", "/state/home", "--data", "/state/data", "--port", "19200"}, name -> null, DIST);

        assertThat(options.home()).isEqualTo(Path.of("/state/home"));
        assertThat(options.data()).isEqualTo(Path.of("/state/data"));
        assertThat(options.port()).isEqualTo(19200);
        assertThat(options.modules()).isEqualTo(DIST.resolve("modules"));
        assertThat(options.config()).isEqualTo(Path.of("/state/home/config"));
    }

    @Test
    void fallsBackToSystemProperties() {
        Map<String, String> properties =
                Map.of("silkway.elasticsearch.home", "/h", "silkway.elasticsearch.port", "9201");

        NodeOptions options = NodeOptions.parse(new String[0], properties::get, DIST);

        assertThat(options.home()).isEqualTo(Path.of("/h"));
        assertThat(options.data()).isEqualTo(Path.of("/h/data"));
        assertThat(options.port()).isEqualTo(9201);
    }

    @Test
    void argumentsWinOverSystemProperties() {
        NodeOptions options = NodeOptions.parse(
                new String[] {"--home", "/a", "--port", "9300"},
                Map.of("silkway.elasticsearch.port", "9201")::get,
                DIST);

        assertThat(options.port()).isEqualTo(9300);
    }

    @Test
    void readsTheParentProcessToStopWith() {
        NodeOptions options =
                NodeOptions.parse(new String[] {"--home", "/a", "--parent-pid", "4242"}, name -> null, DIST);

        assertThat(options.parentPid()).isEqualTo(4242);
    }

    @Test
    void requiresAHome() {
        assertThatThrownBy(() -> NodeOptions.parse(new String[] {"--port", "1"}, name -> null, DIST))
                .hasMessageContaining("--home");
    }

    @Test
    void rejectsADanglingArgument() {
        assertThatThrownBy(() -> NodeOptions.parse(new String[] {"--home"}, name -> null, DIST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsMakeASingleLoopbackNode() {
        NodeOptions options =
                new NodeOptions(Path.of("/h"), Path.of("/d"), DIST.resolve("modules"), Path.of("/h/config"), 19200, 0);

        var settings = ElasticsearchNode.settings(options);

        assertThat(settings.get("discovery.type")).isEqualTo("single-node");
        assertThat(settings.get("network.host")).isEqualTo("127.0.0.1");
        assertThat(settings.get("http.port")).isEqualTo("19200");
        assertThat(settings.get("path.data")).isEqualTo("/d");
    }
}
