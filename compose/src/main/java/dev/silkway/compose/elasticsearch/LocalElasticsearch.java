package dev.silkway.compose.elasticsearch;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.PidFile;
import dev.silkway.localprocess.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An Elasticsearch node in a child JVM, run from the distribution that the {@code elastic-node}
 * module lays out ({@code lib/} on the classpath, {@code modules/} with transport-netty4 and our
 * analysis plugin). The state folder keeps the node's data between runs, its output in
 * {@code elasticsearch.log} and its PID in {@code elasticsearch.pid}; a node that a killed run left
 * behind is stopped first, never reused. Used by the local stack and by the tests alike.
 */
public final class LocalElasticsearch implements AutoCloseable {

    static final String MAIN = "dev.silkway.elastic.node.ElasticsearchNode";
    static final String NAME = "elasticsearch";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final JavaChild node;
    private final int port;
    private final Path configDir;

    private LocalElasticsearch(JavaChild node, int port, Path configDir) {
        this.node = node;
        this.port = port;
        this.configDir = configDir;
    }

    /**
     * Starts a node on {@code httpPort} (0 picks a free one) and waits until {@code GET
     * /_cluster/health} answers; fails with the tail of the node's log if it does not.
     */
    public static LocalElasticsearch start(Path distribution, Path stateDir, int httpPort) {
        new PidFile(stateDir.resolve(NAME + ".pid")).stopLeftover(MAIN);
        int port = httpPort == 0 ? Ports.free() : httpPort;
        if (Ports.isListening(port)) {
            throw new IllegalStateException("Cannot start Elasticsearch: port " + port + " is already taken");
        }
        Path home = stateDir.resolve("home");
        Path configDir = NodeConfig.install(distribution.resolve("config"), home.resolve("config"));
        JavaChild child = JavaChild.start(
                NAME,
                stateDir,
                distribution.resolve("lib") + "/*",
                jvmOptions(distribution, stateDir),
                MAIN,
                args(distribution, stateDir, port));
        LocalElasticsearch node = new LocalElasticsearch(child, port, configDir);
        ClusterHealth health = new ClusterHealth(node.url());
        child.awaitReady(health::answers, READY_TIMEOUT);
        return node;
    }

    private static List<String> jvmOptions(Path distribution, Path stateDir) {
        return List.of(
                // Class data sharing: the first node writes the archive on exit, later ones start faster.
                // The JVM checks it against the classpath and rewrites it after a rebuild.
                "-XX:SharedArchiveFile=" + distribution.resolve("elasticsearch.jsa"),
                "-XX:+AutoCreateSharedArchive",
                "-Xms512m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + stateDir.resolve("tmp"),
                // Elasticsearch's own defaults for its netty and log4j.
                "-Dio.netty.noUnsafe=true",
                "-Dio.netty.recycler.maxCapacityPerThread=0",
                "-Dlog4j2.formatMsgNoLookups=true",
                "-Djava.locale.providers=CLDR");
    }

    private static List<String> args(Path distribution, Path stateDir, int port) {
        return List.of(
                "--home", stateDir.resolve("home").toString(),
                "--data", stateDir.resolve("data").toString(),
                "--modules", distribution.resolve("modules").toString(),
                "--port", Integer.toString(port),
                "--parent-pid", Long.toString(ProcessHandle.current().pid()));
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

    /** The node's config folder: {@code synonyms_path} and hunspell dictionaries resolve against it. */
    public Path configDir() {
        return configDir;
    }

    public Path logFile() {
        return node.logFile();
    }

    /** Stops the node (SIGTERM, then SIGKILL after a grace period); calling it again does nothing. */
    @Override
    public void close() {
        node.close();
    }
}
