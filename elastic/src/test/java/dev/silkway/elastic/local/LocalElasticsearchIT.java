package dev.silkway.elastic.local;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dev.silkway.elastic.testnode.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's life cycle on its own state folder (not the shared test node): a node that a
 * killed run left behind is stopped, not reused; the data outlives the node; close stops it.
 */
class LocalElasticsearchIT {

    private Path state;

    @BeforeEach
    void createState() {
        state = TestNode.temporaryFolder("silkway-elastic-lifecycle-");
    }

    @AfterEach
    void deleteState() {
        TestNode.delete(state);
    }

    @Test
    void stopsANodeLeftByAKilledRunKeepsItsDataAndStopsOnClose() throws IOException {
        LocalElasticsearch leftover = LocalElasticsearch.start(TestNode.distribution(), state, 0);
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(leftover.url()))) {
            client.index(r -> r.index("kept")
                    .id("1")
                    .document(Map.of("name", "кроссовки"))
                    .refresh(Refresh.True));
        }
        assertThat(state.resolve("elasticsearch.pid")).content().isEqualTo(Long.toString(leftover.pid()));

        // The run that started it was "killed": nobody closed it. The next start must find it and stop it.
        LocalElasticsearch next = LocalElasticsearch.start(TestNode.distribution(), state, 0);
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(next.url()))) {
            assertThat(isAlive(leftover.pid())).isFalse();
            assertThat(client.get(r -> r.index("kept").id("1"), Map.class).found())
                    .isTrue();
        } finally {
            next.close();
        }
        next.close();

        assertThat(isAlive(next.pid())).isFalse();
        assertThat(state.resolve("elasticsearch.pid")).doesNotExist();
        assertThat(Files.readString(next.logFile())).contains("Silkway local node listening on " + next.url());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
