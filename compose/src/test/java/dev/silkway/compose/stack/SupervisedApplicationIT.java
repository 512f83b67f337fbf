package dev.silkway.compose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Processes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner restarts an application that dies, and stops it for good on Ctrl-C. */
class SupervisedApplicationIT {

    private HttpServer health;
    private Path state;

    /** The application's health endpoint: UP (the child itself only waits to be killed). */
    @BeforeEach
    void answerHealthy() throws IOException {
        health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        health.start();
        state = Files.createTempDirectory("silkway-supervised-");
    }

    @AfterEach
    void stop() throws IOException {
        health.stop(0);
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void restartsAnApplicationThatDiesAndStopsItForGoodOnClose() {
        StackApplication app = new StackApplication("idle", health.getAddress().getPort(), List.of(), false);
        SupervisedApplication supervised = SupervisedApplication.start(
                app,
                () -> JavaChild.start(
                        "idle",
                        state,
                        System.getProperty("java.class.path"),
                        List.of("-Xmx32m"),
                        IdleApplication.class.getName(),
                        List.of()),
                new RestartPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        supervised.awaitReady();
        long first = supervised.pid();

        Processes.signal(first, "KILL");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> supervised.pid() != first && Processes.isAlive(supervised.pid()));
        long second = supervised.pid();
        assertThat(Processes.isAlive(first)).isFalse();

        supervised.close();

        assertThat(Processes.isAlive(second)).isFalse();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> supervised.pid() == second && !Processes.isAlive(second));
    }
}
