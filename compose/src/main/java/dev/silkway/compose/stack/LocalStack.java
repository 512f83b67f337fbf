package dev.silkway.compose.stack;

import dev.silkway.compose.SilkwayHome;
import dev.silkway.compose.elasticsearch.LocalElasticsearch;
import dev.silkway.compose.kafka.LocalKafka;
import dev.silkway.compose.mail.LocalMail;
import dev.silkway.compose.postgres.LocalPostgres;
import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: PostgreSQL, Kafka and Elasticsearch as local
 * processes, then the sandbox and the four applications; waits until all are healthy, prints where
 * each listens, and on SIGINT (Ctrl-C) stops everything it started, by PID, in reverse order.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration APPLICATIONS_READY = Duration.ofMinutes(5);

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<Row> rows = new ArrayList<>();

    LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = new LocalStack(StackSettings.from(SilkwayHome.locate(), System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stop();
                            stopped.countDown();
                        },
                        "silkway-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            log.error("The local stack did not start: {}", e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() {
        Instant begin = Instant.now();
        StackSettings s = settings;
        checkPortsFree();
        if (s.clusterDatabase()) {
            // The cluster outlives Ctrl-C (compose/ha/cluster down stops it); ./silkway run started it.
            if (!Ports.isListening(25440) || System.getenv("SPRING_DATASOURCE_PASSWORD") == null) {
                throw new IllegalStateException("SILKWAY_DB=ha needs the Patroni cluster and its credentials: "
                        + "start the stack with `SILKWAY_DB=ha ./silkway run`");
            }
            rows.add(new Row("postgresql-ha", s.jdbcUrl(), -1));
        } else {
            LocalPostgres postgres = track(LocalPostgres.start(s.state().resolve("postgres"), s.postgresPort()));
            postgres.createDatabase(StackSettings.DATABASE);
            rows.add(new Row("postgresql", s.jdbcUrl(), postgres.pid()));
        }
        LocalKafka kafka = track(
                LocalKafka.start(SilkwayHome.kafkaDistribution(), s.state().resolve("kafka"), s.kafkaPort()));
        rows.add(new Row("kafka", s.kafkaBootstrap(), kafka.pid()));
        LocalElasticsearch elasticsearch = track(LocalElasticsearch.start(
                SilkwayHome.elasticsearchDistribution(), s.state().resolve("elasticsearch"), s.elasticsearchPort()));
        rows.add(new Row("elasticsearch", elasticsearch.url(), elasticsearch.pid()));
        LocalMail mail = track(LocalMail.start(s.state().resolve("mail"), s.mailSmtpPort(), s.mailImapPort()));
        rows.add(new Row("mail (greenmail)", mail.address(), mail.pid()));
        startApplications();
        print(Duration.between(begin, Instant.now()));
    }

    private void startApplications() {
        List<StackApplication> applications = StackApplication.all(settings);
        List<JavaChild> children = new ArrayList<>();
        for (StackApplication app : applications) {
            List<String> args = new ArrayList<>(app.args());
            args.add("--server.port=" + app.port());
            children.add(track(JavaChild.startJar(
                    app.name(),
                    settings.state().resolve("apps"),
                    app.jar(settings.home()),
                    List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                    args)));
        }
        for (int i = 0; i < applications.size(); i++) {
            StackApplication app = applications.get(i);
            JavaChild child = children.get(i);
            child.awaitReady(() -> Health.isUp(app.url()), APPLICATIONS_READY);
            rows.add(new Row(app.name(), app.url(), child.pid()));
        }
    }

    private void checkPortsFree() {
        StackSettings s = settings;
        int[] ports = {
            s.postgresPort(), s.kafkaPort(), s.elasticsearchPort(), s.sandboxPort(),
            s.storefrontPort(), s.ingestionPort(), s.searchIndexerPort(), s.trackingPollerPort(),
            s.mailSmtpPort(), s.mailImapPort()
        };
        for (int port : ports) {
            if (port == s.postgresPort() && s.clusterDatabase()) {
                continue; // no local PostgreSQL on the cluster
            }
            if (Ports.isListening(port)) {
                throw new IllegalStateException("Port " + port + " is taken: is another Silkway stack running? "
                        + "Stop it, or move this one with the *_PORT variables (see the README).");
            }
        }
    }

    private <T extends AutoCloseable> T track(T service) {
        started.push(service);
        return service;
    }

    private void print(Duration took) {
        StringBuilder out = new StringBuilder(String.format(
                "%nSilkway is up after %.1f s (state in %s):%n", took.toMillis() / 1000.0, settings.state()));
        for (Row row : rows) {
            out.append(String.format(
                    "  %-16s %-46s pid %-8d rss %5d MiB%n", row.name, row.address, row.pid, Health.rssMib(row.pid)));
        }
        out.append("Logs: ").append(settings.state()).append("/*/*.log   Press Ctrl-C to stop everything.\n");
        System.out.print(out);
    }

    /**
     * Stops the applications together, then Kafka, Elasticsearch and mail together, then
     * PostgreSQL last, so that nothing loses its database while it shuts down.
     */
    synchronized void stop() {
        if (started.isEmpty()) {
            return;
        }
        log.info("Stopping the local stack");
        List<AutoCloseable> services = new ArrayList<>(started);
        started.clear();
        stopTogether(services.stream().filter(s -> s instanceof JavaChild).toList());
        stopTogether(services.stream()
                .filter(s -> !(s instanceof JavaChild) && !(s instanceof LocalPostgres))
                .toList());
        stopTogether(services.stream().filter(s -> s instanceof LocalPostgres).toList());
        log.info("Stopped");
    }

    private static void stopTogether(List<AutoCloseable> services) {
        List<Thread> stopping = services.stream()
                .map(service -> Thread.ofVirtual().start(() -> {
                    try {
                        service.close();
                    } catch (Exception e) {
                        log.warn("Could not stop {} cleanly: {}", service, e.getMessage());
                    }
                }))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Row(String name, String address, long pid) {}
}
