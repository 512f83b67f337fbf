package dev.silkway.elastic.local;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An Elasticsearch node in a child JVM, run from the distribution that the {@code elastic-node}
 * module lays out ({@code lib/} on the classpath, {@code modules/} with transport-netty4 and our
 * analysis plugin). Its data folder is kept between runs; a node left running by a killed run is
 * stopped first. Used by the local stack and by the tests alike.
 */
public final class LocalElasticsearch implements AutoCloseable {

    static final String MAIN = "dev.silkway.elastic.node.ElasticsearchNode";

    private final JavaChild node;
    private final int port;

    private LocalElasticsearch(JavaChild node, int port) {
        this.node = node;
        this.port = port;
    }

    /** Starts a node on {@code httpPort} (0 picks a free one) and waits until it answers. */
    public static LocalElasticsearch start(Path distribution, Path stateDir, int httpPort) {
        int port = httpPort == 0 ? Ports.free() : httpPort;
        List<String> jvm = List.of(
                "-Xms512m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-Djava.io.tmpdir=" + stateDir.resolve("tmp"),
                "-Dio.netty.allocator.type=pooled",
                "-Dlog4j2.disable.jmx=true");
        List<String> args = List.of(
                "--home", stateDir.resolve("home").toString(),
                "--data", stateDir.resolve("data").toString(),
                "--modules", distribution.resolve("modules").toString(),
                "--port", Integer.toString(port));
        JavaChild child =
                JavaChild.start("elasticsearch", stateDir, distribution.resolve("lib") + "/*", jvm, MAIN, args);
        LocalElasticsearch node = new LocalElasticsearch(child, port);
        child.awaitReady(node::answers, Duration.ofSeconds(120));
        return node;
    }

    private boolean answers() {
        if (!Ports.isListening(port)) {
            return false;
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && !health.body().contains("\"status\":\"red\"");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return node.pid();
    }

    @Override
    public void close() {
        node.close();
    }
}
