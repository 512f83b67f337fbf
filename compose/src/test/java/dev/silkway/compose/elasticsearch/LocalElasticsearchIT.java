package dev.silkway.compose.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.compose.SilkwayHome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's life cycle on its own state folder: a node that a killed run left behind is
 * stopped, not reused; the data outlives the node; close stops it.
 */
class LocalElasticsearchIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private Path state;

    @BeforeEach
    void createState() throws IOException {
        state = Files.createTempDirectory("silkway-elastic-lifecycle-");
    }

    @AfterEach
    void deleteState() throws IOException {
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void stopsANodeLeftByAKilledRunKeepsItsDataAndStopsOnClose() throws Exception {
        LocalElasticsearch leftover = LocalElasticsearch.start(SilkwayHome.elasticsearchDistribution(), state, 0);
        assertThat(send(HttpRequest.newBuilder(URI.create(leftover.url() + "/kept/_doc/1?refresh=true"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"кроссовки\"}")))
                        .statusCode())
                .isEqualTo(201);
        assertThat(state.resolve("elasticsearch.pid")).content().isEqualTo(Long.toString(leftover.pid()));

        // The run that started it was "killed": nobody closed it. The next start must find it and stop it.
        LocalElasticsearch next = LocalElasticsearch.start(SilkwayHome.elasticsearchDistribution(), state, 0);
        try {
            assertThat(isAlive(leftover.pid())).isFalse();
            assertThat(send(HttpRequest.newBuilder(URI.create(next.url() + "/kept/_doc/1")))
                            .body())
                    .contains("\"found\":true");
        } finally {
            next.close();
        }
        next.close();

        assertThat(isAlive(next.pid())).isFalse();
        assertThat(state.resolve("elasticsearch.pid")).doesNotExist();
        assertThat(Files.readString(next.logFile())).contains("Silkway local node listening on " + next.url());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
