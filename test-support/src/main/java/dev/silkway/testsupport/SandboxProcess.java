package dev.silkway.testsupport;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox (marketplaces, translator, ...) as a child JVM for integration tests, started once per test JVM from the sandbox
 * module's jar ({@code ./mvnw -pl sandbox package} builds it), on a free port.
 */
public final class SandboxProcess {

    public static final int PRODUCTS = 150;
    private static SandboxProcess instance;

    private final JavaChild child;
    private final int port;

    private SandboxProcess(JavaChild child, int port) {
        this.child = child;
        this.port = port;
    }

    public static synchronized SandboxProcess shared() {
        if (instance == null) {
            instance = start(List.of(
                    "--silkway.sandbox.products-per-marketplace=" + PRODUCTS,
                    "--silkway.sandbox.generation=1",
                    "--silkway.sandbox.rate-limit-per-second=1000",
                    "--silkway.sandbox.faults.rate-limit=0",
                    "--silkway.sandbox.faults.server-error=0",
                    "--silkway.sandbox.faults.slow=0",
                    "--silkway.sandbox.faults.malformed=0.05",
                    "--silkway.sandbox.webhooks.first-retry=200ms",
                    "--silkway.sandbox.webhooks.duplicate=0",
                    "--silkway.sandbox.webhooks.delay=0",
                    "--silkway.sandbox.webhooks.reorder=0"));
            Runtime.getRuntime().addShutdownHook(new Thread(instance.child::close));
        }
        return instance;
    }

    public static SandboxProcess start(List<String> extraArgs) {
        int port = Ports.free();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        args.addAll(extraArgs);
        try {
            Path state = Files.createTempDirectory("silkway-sandbox-");
            JavaChild child = JavaChild.startJar("sandbox", state, jar(), List.of("-Xmx512m"), args);
            child.awaitReady(() -> healthy(port), Duration.ofSeconds(90));
            return new SandboxProcess(child, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void close() {
        child.close();
    }

    static Path jar() {
        Path target = Path.of("..", "sandbox", "target").toAbsolutePath().normalize();
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("sandbox-[^-]+(-SNAPSHOT)?(-exec)?\\.jar"))
                    .max(java.util.Comparator.comparing(
                            (Path p) -> p.getFileName().toString().contains("-exec")))
                    .orElseThrow(() -> new IllegalStateException(
                            "No sandbox jar in " + target + ": run ./mvnw -pl sandbox package -DskipTests first"));
        } catch (IOException e) {
            throw new IllegalStateException("No sandbox jar in " + target, e);
        }
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
