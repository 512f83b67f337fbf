package dev.silkway.tracking.poll;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.ModuleJar;
import dev.silkway.localprocess.Ports;
import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The storefront's own jar in a child JVM on the benchmark's database and Kafka, following the shipments'
 * topic as in production (its order-tracking consumer moves each order to where its shipments are), so that
 * the benchmark measures the lag up to the order's status. Its outbox relay is off: the pollers' relay
 * publishes for both, and nothing but the consumer is wanted from it.
 */
final class FollowingStorefront implements AutoCloseable {

    private final JavaChild child;

    private FollowingStorefront(JavaChild child) {
        this.child = child;
    }

    static FollowingStorefront start(String database, String shipmentsTopic) {
        int port = Ports.free();
        try {
            Path state = Files.createTempDirectory("silkway-bench-storefront-");
            JavaChild child = JavaChild.startJar(
                    "storefront-api",
                    state,
                    ModuleJar.executable(Path.of("..").toAbsolutePath().normalize(), "storefront-api"),
                    List.of("-Xms128m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                    List.of(
                            "--server.port=" + port,
                            "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                            "--spring.datasource.username="
                                    + Services.postgres().user(),
                            "--spring.kafka.bootstrap-servers="
                                    + Services.kafka().bootstrapServers(),
                            "--silkway.tracking.topic=" + shipmentsTopic,
                            "--silkway.outbox.relay-enabled=false",
                            "--silkway.local-secrets-dir=" + state.resolve("secrets"),
                            "--spring.mail.port=" + Ports.free(),
                            "--management.health.mail.enabled=false",
                            "--spring.elasticsearch.uris=http://127.0.0.1:" + Ports.free(),
                            "--management.health.elasticsearch.enabled=false"),
                    Map.of("SPRING_DATASOURCE_PASSWORD", Services.postgres().password()));
            FollowingStorefront storefront = new FollowingStorefront(child);
            try {
                child.awaitReady(() -> healthy(port), Duration.ofMinutes(3));
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
            return storefront;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean healthy(int port) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
