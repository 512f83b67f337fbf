package dev.silkway.compose.kafka;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A single-node Kafka KRaft broker (broker and controller in one process) started from Kafka's own
 * jars as a separate JVM: the storage is formatted once, then the broker starts. Its data folder is
 * kept between runs.
 */
public final class LocalKafka implements AutoCloseable {

    private static final String MAIN = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private final JavaChild broker;
    private final int port;

    private LocalKafka(JavaChild broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /** Starts a broker on {@code port} (0 picks a free one) from {@code distribution}. */
    public static LocalKafka start(Path distribution, Path stateDir, int port) {
        int brokerPort = port == 0 ? Ports.free() : port;
        int controllerPort = port == 0 ? Ports.free() : port + 1;
        Path config = BrokerConfig.write(stateDir, brokerPort, controllerPort);
        String classpath = distribution.resolve("lib") + "/*";
        List<String> jvm = List.of(
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + distribution.resolve("config/log4j2.properties"),
                "-Dkafka.logs.dir=" + stateDir.resolve("logs"));
        formatOnce(stateDir, classpath, jvm, config);
        JavaChild child = JavaChild.start("kafka", stateDir, classpath, jvm, MAIN, List.of(config.toString()));
        LocalKafka kafka = new LocalKafka(child, brokerPort);
        child.awaitReady(kafka::answers, Duration.ofSeconds(90));
        return kafka;
    }

    private static void formatOnce(Path stateDir, String classpath, List<String> jvm, Path config) {
        if (Files.exists(stateDir.resolve("data/meta.properties"))) {
            return;
        }
        try (JavaChild format = JavaChild.start(
                "kafka-format",
                stateDir,
                classpath,
                jvm,
                STORAGE_TOOL,
                List.of(
                        "format",
                        "--ignore-formatted",
                        "-t",
                        BrokerConfig.clusterId(stateDir),
                        "-c",
                        config.toString()))) {
            format.awaitExit(Duration.ofSeconds(60));
        }
    }

    private boolean answers() {
        if (!Ports.isListening(port)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get()
                    .isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return broker.pid();
    }

    @Override
    public void close() {
        broker.close();
    }

    /** The broker's server.properties, written into its state folder at every start. */
    static final class BrokerConfig {
        private BrokerConfig() {}

        static Path write(Path stateDir, int brokerPort, int controllerPort) {
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.setProperty(
                    "listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", stateDir.resolve("data").toString());
            p.setProperty("num.partitions", "3");
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("offsets.topic.num.partitions", "3");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("log.retention.hours", "168");
            Path file = stateDir.resolve("server.properties");
            try {
                Files.createDirectories(stateDir);
                try (var out = Files.newBufferedWriter(file)) {
                    p.store(out, "Written by LocalKafka at every start");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }

        /** A KRaft cluster id (22 characters of base64url), made once per state folder. */
        static String clusterId(Path stateDir) {
            Path file = stateDir.resolve("cluster.id");
            try {
                if (!Files.exists(file)) {
                    // Like Kafka's Uuid.randomUuid: never a leading '-', which kafka-storage's argument
                    // parser would read as an option (1 id in 64 failed "--cluster-id: expected one argument").
                    byte[] bytes = new byte[16];
                    String id;
                    do {
                        new java.security.SecureRandom().nextBytes(bytes);
                        id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    } while (id.startsWith("-"));
                    Files.writeString(file, id);
                }
                return Files.readString(file).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
