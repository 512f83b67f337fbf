package dev.silkway.elastic.testnode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.silkway.compose.elasticsearch.LocalElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One local Elasticsearch node per test JVM, on a free port, in a temporary state folder; stopped
 * and deleted when the JVM exits, started by the compose module's launcher.
 */
public final class TestNode {

    private static LocalElasticsearch node;
    private static ElasticsearchClient client;

    private TestNode() {}

    public static synchronized LocalElasticsearch node() {
        if (node == null) {
            Path state = temporaryFolder("silkway-elastic-it-");
            node = LocalElasticsearch.start(distribution(), state, 0);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                node.close();
                                delete(state);
                            },
                            "test-elasticsearch-stop"));
        }
        return node;
    }

    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            client = ElasticsearchClient.of(b -> b.host(node().url()));
        }
        return client;
    }

    /** The node distribution built by {@code elastic-node}: {@code <silkway.home>/elastic-node/target/dist}. */
    public static Path distribution() {
        Path home = Path.of(System.getProperty("silkway.home", ".."))
                .toAbsolutePath()
                .normalize();
        Path dist = home.resolve("elastic-node/target/dist");
        if (!Files.isDirectory(dist.resolve("lib"))) {
            throw new IllegalStateException(
                    dist + " is missing: build it first with ./mvnw -pl elastic-analysis,elastic-node install");
        }
        return dist;
    }

    public static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e);
        }
    }
}
