package dev.silkway.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The local Patroni cluster of {@code compose/ha/cluster}: starts it through the script, reads its
 * state from Patroni's REST API, and knows the PIDs that the scenarios signal.
 */
final class LocalCluster {

    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);
    static final List<String> NODES = List.of("pg1", "pg2", "pg3");
    /** The ports of the cluster the tests run: every port of the local cluster moved by this much. */
    static final int TEST_PORT_OFFSET = 1000;

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper json = new ObjectMapper();

    private final Path script;
    private final Path state;
    private final int portOffset;

    private LocalCluster(Path home, Path state, int portOffset) {
        this.script = home.resolve("compose/ha/cluster");
        this.state = state;
        this.portOffset = portOffset;
    }

    /** The developer's local cluster ({@code compose/ha/cluster} with its defaults, as SILKWAY_DB=ha uses it). */
    static LocalCluster local(Path home) {
        String configured = System.getenv("SILKWAY_HA_STATE");
        return new LocalCluster(
                home, configured == null || configured.isBlank() ? home.resolve(".state/ha") : Path.of(configured), 0);
    }

    /**
     * The tests' own cluster: its own state folder and ports ({@link #TEST_PORT_OFFSET}), so a test never
     * meets, nor stops, a local cluster that runs beside it.
     */
    static LocalCluster forTests(Path home) {
        return new LocalCluster(home, home.resolve(".state/ha-test"), TEST_PORT_OFFSET);
    }

    Path state() {
        return state;
    }

    /** HAProxy's write port: the primary, whichever node it is. */
    int primaryPort() {
        return 25440 + portOffset;
    }

    private int apiPort(String node) {
        return 28008 + NODES.indexOf(node) + portOffset;
    }

    /** True when some member's Patroni answers: the cluster runs (or part of it). */
    boolean running() {
        return !members().isEmpty();
    }

    /** True when the Debian packages the cluster runs on are installed. */
    static boolean packagesInstalled() {
        return List.of(
                        "/usr/bin/patroni",
                        "/usr/bin/etcd",
                        "/usr/sbin/haproxy",
                        "/usr/bin/tini",
                        "/usr/lib/postgresql/15/bin/postgres",
                        "/usr/lib/python3/dist-packages/etcd",
                        "/usr/lib/python3/dist-packages/psycopg2")
                .stream()
                .allMatch(path -> Files.exists(Path.of(path)));
    }

    /** Runs {@code cluster up}: starts whatever is not running and waits until healthy; its time in ms. */
    long up() {
        String output = runScript("up");
        return output.lines()
                .filter(line -> line.startsWith("CLUSTER ready_ms="))
                .map(line -> Long.parseLong(
                        line.substring("CLUSTER ready_ms=".length()).trim()))
                .findFirst()
                .orElse(-1L);
    }

    /** Runs {@code cluster down}: stops every process of the cluster by its PID; the data stays. */
    void down() {
        runScript("down");
    }

    /** The settings {@code cluster env} prints for an application (datasource URL, user, password). */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        for (String line : runScript("env").split("\n")) {
            if (line.startsWith("export ") && line.contains("=")) {
                String name = line.substring("export ".length(), line.indexOf('='));
                String value = line.substring(line.indexOf('=') + 1).replaceAll("^'|'$", "");
                env.put(name, value);
            }
        }
        return env;
    }

    private String runScript(String command) {
        try {
            Path output = Files.createTempFile("cluster-" + command, ".log");
            ProcessBuilder builder = new ProcessBuilder(script.toString(), command);
            builder.environment().put("SILKWAY_HA_STATE", state.toString());
            builder.environment().put("SILKWAY_HA_PORT_OFFSET", Integer.toString(portOffset));
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean done = process.waitFor(Duration.ofMinutes(3));
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException("cluster " + command + " did not finish in 3 minutes:\n" + text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("cluster " + command + " failed:\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running cluster " + command, e);
        }
    }

    /** The members as the first answering Patroni sees them; empty when none answers. */
    List<ClusterMember> members() {
        for (String node : NODES) {
            int port = apiPort(node);
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cluster"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    List<ClusterMember> members = new ArrayList<>();
                    for (JsonNode m : json.readTree(response.body()).path("members")) {
                        members.add(new ClusterMember(
                                m.path("name").asString(),
                                m.path("role").asString(),
                                m.path("state").asString(),
                                m.path("port").asInt(),
                                m.path("timeline").asInt()));
                    }
                    return members;
                }
            } catch (IOException e) {
                // this node's Patroni does not answer: ask the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    Optional<ClusterMember> leader() {
        return members().stream().filter(ClusterMember::isLeader).findFirst();
    }

    /** Healthy: a running leader, a sync standby, and every member running. */
    static boolean healthy(List<ClusterMember> members) {
        return members.size() == NODES.size()
                && members.stream().anyMatch(m -> m.isLeader() && m.isRunning())
                && members.stream().anyMatch(ClusterMember::isSyncStandby)
                && members.stream().allMatch(ClusterMember::isRunning);
    }

    /** Waits until {@code condition} holds for the members; the time it took, or empty on timeout. */
    Optional<Duration> await(Predicate<List<ClusterMember>> condition, Duration timeout) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.test(members())) {
                return Optional.of(Duration.between(begin, Instant.now()));
            }
            pause(100);
        }
        return Optional.empty();
    }

    long patroniPid(String node) {
        return readPid(state.resolve("run").resolve(node + ".pid"));
    }

    long postmasterPid(String node) {
        return readPid(state.resolve(node).resolve("data").resolve("postmaster.pid"));
    }

    private static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PID in " + file, e);
        }
    }

    /** Asks the leader's Patroni to hand over to {@code candidate} now. */
    void switchover(ClusterMember leader, String candidate) {
        int api = apiPort(leader.name());
        String body = "{\"leader\":\"" + leader.name() + "\",\"candidate\":\"" + candidate + "\"}";
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api + "/switchover"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            log.info("Switchover {} -> {}: {} {}", leader.name(), candidate, response.statusCode(), response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Switchover refused: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Switchover request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during switchover", e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
