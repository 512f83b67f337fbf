package dev.silkway.drill;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.ModuleJar;
import dev.silkway.localprocess.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The storefront the drill writes through: the module's own jar in a child JVM, on the cluster through
 * HAProxy with the datasource settings {@code compose/ha/cluster env} gives every application, and the
 * platform's default retry of transient failures. Only what a drill needs differs from the stack: the
 * per-address registration limit is lifted (every registration comes from 127.0.0.1), Flyway is off
 * (the drill migrated the database), and Kafka, mail and Elasticsearch point at closed ports.
 */
final class DrillStorefront implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper json = new ObjectMapper();

    private final JavaChild child;
    private final int port;
    private final byte[] blindIndexKey;

    private DrillStorefront(JavaChild child, int port, byte[] blindIndexKey) {
        this.child = child;
        this.port = port;
        this.blindIndexKey = blindIndexKey;
    }

    /**
     * Starts the storefront on {@code database} of the cluster, its log and secrets in {@code state}, and
     * waits until it reaches the primary.
     */
    static DrillStorefront start(Path home, Path state, Map<String, String> clusterEnv, String database) {
        byte[] blindIndexKey = new byte[32];
        new SecureRandom().nextBytes(blindIndexKey);
        int port = Ports.free();
        String url = clusterEnv.get("SPRING_DATASOURCE_URL").replaceFirst("/silkway\\?", "/" + database + "?");
        List<String> args = List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + clusterEnv.get("SPRING_DATASOURCE_USERNAME"),
                "--spring.flyway.enabled=false",
                "--silkway.security.throttling.registrations-per-address=1000000000",
                "--silkway.local-secrets-dir=" + state.resolve("secrets"),
                "--silkway.outbox.relay-enabled=false",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + Ports.free(),
                "--spring.mail.port=" + Ports.free(),
                "--spring.elasticsearch.uris=http://127.0.0.1:" + Ports.free(),
                "--management.health.elasticsearch.enabled=false",
                // The drill reads the databaseRole component without a token: this storefront is its own, on loopback.
                "--management.endpoint.health.show-components=always",
                "--management.endpoint.health.show-details=always",
                // The Kafka health check finds no broker and would log every second that it looks again.
                "--logging.level.org.apache.kafka=ERROR");
        JavaChild child = JavaChild.startJar(
                "storefront-api",
                state,
                ModuleJar.executable(home, "storefront-api"),
                List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                args,
                Map.of(
                        "SPRING_DATASOURCE_PASSWORD", clusterEnv.get("SPRING_DATASOURCE_PASSWORD"),
                        "SILKWAY_BLIND_INDEX_KEY", Base64.getEncoder().encodeToString(blindIndexKey)));
        DrillStorefront storefront = new DrillStorefront(child, port, blindIndexKey);
        try {
            child.awaitReady(storefront::connectedToThePrimary, READY_TIMEOUT);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return storefront;
    }

    /** Ready: its {@code databaseRole} health component is UP and says it is connected to the primary. */
    private boolean connectedToThePrimary() {
        try {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(url("/actuator/health/databaseRole"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200
                    && "primary"
                            .equals(json.readTree(health.body())
                                    .path("details")
                                    .path("role")
                                    .asString());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The key of the storefront's email blind index, to look registrations up by email. */
    byte[] blindIndexKey() {
        return blindIndexKey.clone();
    }

    long pid() {
        return child.pid();
    }

    @Override
    public void close() {
        child.close();
    }
}
