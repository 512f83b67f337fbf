package dev.silkway.compose.stack;

import dev.silkway.compose.SilkwayHome;
import dev.silkway.compose.elasticsearch.LocalElasticsearch;
import dev.silkway.compose.kafka.LocalKafka;
import dev.silkway.compose.mail.LocalMail;
import dev.silkway.compose.postgres.LocalPostgres;
import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: PostgreSQL, Kafka and Elasticsearch as local
 * processes, then the sandbox and the four applications (each from its own copy, restarted when it
 * dies); waits until all are healthy, prints where each listens, and on SIGINT (Ctrl-C) stops
 * everything it started, by PID: the applications first, the sandbox, then the services.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    /** Every application's JVM: a small heap, and an exit on OutOfMemoryError so that it is restarted clean. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

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
        Instant databaseUp = Instant.now();
        // Kafka, Elasticsearch and mail need nothing of each other: they start together, and the
        // applications are copied out of target/ meanwhile.
        Path apps = s.state().resolve("apps");
        List<StackApplication> applications = StackApplication.all(s);
        List<InstalledApplication> installed = new ArrayList<>();
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LocalKafka> kafka = starting.submit(() -> track(
                    LocalKafka.start(SilkwayHome.kafkaDistribution(), s.state().resolve("kafka"), s.kafkaPort())));
            Future<LocalElasticsearch> elasticsearch = starting.submit(() -> track(LocalElasticsearch.start(
                    SilkwayHome.elasticsearchDistribution(),
                    s.state().resolve("elasticsearch"),
                    s.elasticsearchPort())));
            Future<LocalMail> mail = starting.submit(
                    () -> track(LocalMail.start(s.state().resolve("mail"), s.mailSmtpPort(), s.mailImapPort())));
            List<Future<InstalledApplication>> copies = applications.stream()
                    .map(app ->
                            starting.submit(() -> InstalledApplication.install(app.name(), app.jar(s.home()), apps)))
                    .toList();
            rows.add(new Row("kafka", s.kafkaBootstrap(), result(kafka).pid()));
            rows.add(new Row(
                    "elasticsearch",
                    result(elasticsearch).url(),
                    result(elasticsearch).pid()));
            rows.add(new Row(
                    "mail (greenmail)", result(mail).address(), result(mail).pid()));
            for (Future<InstalledApplication> copy : copies) {
                installed.add(result(copy));
            }
        }
        startApplications(applications, installed);
        print(Duration.between(begin, Instant.now()), Duration.between(databaseUp, Instant.now()));
        trainAotCaches(applications, installed);
    }

    /** Starts the applications under supervision, each with its AOT cache when it has one, and waits until each is healthy. */
    private void startApplications(List<StackApplication> applications, List<InstalledApplication> installed) {
        List<SupervisedApplication> supervised = new ArrayList<>();
        for (int i = 0; i < applications.size(); i++) {
            StackApplication app = applications.get(i);
            InstalledApplication copy = installed.get(i);
            supervised.add(track(SupervisedApplication.start(app, () -> launch(app, copy), RestartPolicy.DEFAULT)));
        }
        for (SupervisedApplication app : supervised) {
            app.awaitReady();
            rows.add(new Row(app.app().name(), app.app().url(), app.pid()));
        }
    }

    /**
     * Makes the AOT cache of each application that has none yet (the first start after a build), in the
     * background at the lowest priority: the next start reads it.
     */
    private void trainAotCaches(List<StackApplication> applications, List<InstalledApplication> installed) {
        for (int i = 0; i < installed.size(); i++) {
            InstalledApplication copy = installed.get(i);
            if (!AotCache.missing(copy)) {
                continue;
            }
            AotTraining training = track(AotTraining.start(
                    copy,
                    settings.state().resolve("apps"),
                    JVM_OPTIONS,
                    applications.get(i).commandLine()));
            log.info(
                    "Making the AOT cache of {} in the background (once per build; the next start reads it)",
                    training.name());
            Thread.ofVirtual().name(training.name() + "-aot").start(() -> {
                if (training.await()) {
                    log.info("AOT cache of {} made: its next start reads it", training.name());
                }
            });
        }
    }

    private JavaChild launch(StackApplication app, InstalledApplication copy) {
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.addAll(AotCache.options(copy));
        return JavaChild.startJar(app.name(), settings.state().resolve("apps"), copy.jar(), jvm, app.commandLine());
    }

    /** The task's result; its failure as it was thrown. */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the stack", e);
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
            if (!Ports.isFree(port)) {
                throw new IllegalStateException("Port " + port + " is taken: is another Silkway stack running? "
                        + "Stop it, or move this one with the *_PORT variables (see the README).");
            }
        }
    }

    private synchronized <T extends AutoCloseable> T track(T service) {
        started.push(service);
        return service;
    }

    private void print(Duration took, Duration sinceDatabase) {
        StringBuilder out = new StringBuilder(String.format(
                "%nSilkway is up after %.1f s, %.1f s after PostgreSQL (state in %s):%n",
                took.toMillis() / 1000.0, sinceDatabase.toMillis() / 1000.0, settings.state()));
        for (Row row : rows) {
            out.append(String.format(
                    "  %-16s %-46s pid %-8d rss %5d MiB%n", row.name, row.address, row.pid, Health.rssMib(row.pid)));
        }
        out.append("Logs: ").append(settings.state()).append("/*/*.log   Press Ctrl-C to stop everything.\n");
        System.out.print(out);
    }

    /**
     * Stops the applications together, then the simulators (the sandbox), then Kafka, Elasticsearch and
     * mail together, then PostgreSQL last: an application shuts down while everything it talks to is
     * still there, so an ingestion run it interrupts is left resumable rather than failed on a vanished
     * marketplace or database.
     */
    synchronized void stop() {
        if (started.isEmpty()) {
            return;
        }
        log.info("Stopping the local stack: the applications first, then the sandbox, then the services");
        List<AutoCloseable> services = new ArrayList<>(started);
        started.clear();
        stopTogether(services.stream()
                .filter(s ->
                        s instanceof SupervisedApplication app && !app.app().simulator() || s instanceof AotTraining)
                .toList());
        stopTogether(services.stream()
                .filter(s -> s instanceof SupervisedApplication app && app.app().simulator())
                .toList());
        stopTogether(services.stream()
                .filter(s -> !(s instanceof SupervisedApplication)
                        && !(s instanceof AotTraining)
                        && !(s instanceof LocalPostgres))
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
