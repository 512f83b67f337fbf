package dev.silkway.testsupport;

import dev.silkway.compose.SilkwayHome;
import dev.silkway.compose.elasticsearch.LocalElasticsearch;
import dev.silkway.compose.kafka.LocalKafka;
import dev.silkway.compose.postgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The real services for integration tests: each started once per test JVM, on free ports, in a
 * temporary folder, and stopped when the JVM exits. They never touch the local stack's ports or data.
 */
public final class Services {

    private static final Deque<AutoCloseable> started = new ArrayDeque<>();
    private static Path root;
    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static LocalElasticsearch elasticsearch;

    private Services() {}

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = track(LocalPostgres.start(root().resolve("postgres"), 0));
        }
        return postgres;
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            kafka = track(LocalKafka.start(SilkwayHome.kafkaDistribution(), root().resolve("kafka"), 0));
        }
        return kafka;
    }

    public static synchronized LocalElasticsearch elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = track(LocalElasticsearch.start(
                    SilkwayHome.elasticsearchDistribution(), root().resolve("elasticsearch"), 0));
        }
        return elasticsearch;
    }

    private static <T extends AutoCloseable> T track(T service) {
        started.push(service);
        return service;
    }

    private static Path root() {
        if (root == null) {
            try {
                LeftoverServices.reap(Path.of(System.getProperty("java.io.tmpdir")));
                root = Files.createTempDirectory(LeftoverServices.PREFIX);
                LeftoverServices.claim(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Services::stopAll, "silkway-services-stop"));
        }
        return root;
    }

    private static synchronized void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("Could not stop a test service: " + e);
            }
        }
        TempFolders.deleteQuietly(root);
    }
}
