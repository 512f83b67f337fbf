package dev.silkway.elastic.node;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts a single-node Elasticsearch cluster on 127.0.0.1 with the plugins of {@code modules/},
 * writes its PID to {@code <home>/node.pid} and closes the node on SIGTERM.
 */
public final class ElasticsearchNode {

    static final String NODE_NAME = "silkway-local";

    private ElasticsearchNode() {}

    public static void main(String[] args) throws Exception {
        // Elasticsearch closes log4j itself; log4j's own hook would silence the node's last words.
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");
        Instant started = Instant.now();
        NodeOptions options = NodeOptions.parse(args, System::getProperty, distribution());
        createFolders(options);
        Settings settings = settings(options);
        LogConfigurator.configureWithoutConfig(settings);
        // Elasticsearch's configuration above only sets up its status logger: log to standard output.
        Configurator.reconfigure(
                ElasticsearchNode.class.getResource("/log4j2.properties").toURI());
        Logger log = LogManager.getLogger(ElasticsearchNode.class);
        Environment environment =
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), options.config(), () -> NODE_NAME);
        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(options.modules(), false), Set.of(), Map.of(), false);
        Node node = new Node(environment, plugins);
        Path pidFile = options.home().resolve("node.pid");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, pidFile, log, stopped), "node-shutdown"));
        node.start();
        ParentWatch.stopWith(options.parentPid(), log);
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        log.info(
                "Silkway local node listening on http://127.0.0.1:{} (started in {} ms)",
                options.port(),
                Duration.between(started, Instant.now()).toMillis());
        // The node's own threads are daemons: this one keeps the JVM up until SIGTERM.
        stopped.await();
    }

    static Settings settings(NodeOptions options) {
        return Settings.builder()
                .put("path.home", options.home().toString())
                .put("path.data", options.data().toString())
                .put("path.logs", options.home().resolve("logs").toString())
                .put("node.name", NODE_NAME)
                .put("cluster.name", NODE_NAME)
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", options.port())
                // A developer's disk is often fuller than a server's: never turn indices read-only here.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
    }

    private static void createFolders(NodeOptions options) throws IOException {
        Files.createDirectories(options.home().resolve("logs"));
        Files.createDirectories(options.data());
        Files.createDirectories(options.config());
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The distribution folder: the parent of {@code lib/}, where this class's jar lies. */
    private static Path distribution() throws URISyntaxException {
        Path jar = Path.of(ElasticsearchNode.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return jar.getParent().getParent();
    }

    private static void stop(Node node, Path pidFile, Logger log, CountDownLatch stopped) {
        try {
            node.close();
            if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                log.warn("Node did not close within 20 s");
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Failed to close the node cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }
}
