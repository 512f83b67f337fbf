package dev.silkway.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover drill: brings the local Patroni cluster up, migrates a fresh database with the
 * project's Flyway migrations, starts the storefront on it, drives a steady load of registrations
 * through the storefront's API, and injects each fault into the primary in turn. Per scenario it
 * measures the RTO (fault to the first registration acknowledged after the write outage), the RPO
 * (acknowledged registrations the new primary does not hold) and whether the old primary rejoins as
 * a replica. Exits 1 when an acknowledged write was lost, 2 when writes did not recover.
 */
public final class FailoverDrill {

    private static final Logger log = LoggerFactory.getLogger(FailoverDrill.class);
    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final LocalCluster cluster;
    private final DrillOptions options;

    FailoverDrill(Path home, LocalCluster cluster, DrillOptions options) {
        this.home = home;
        this.cluster = cluster;
        this.options = options;
    }

    public static void main(String[] args) {
        if (!LocalCluster.packagesInstalled()) {
            System.err.println("The failover drill needs Debian's packages: apt-get install -y patroni etcd-server "
                    + "python3-etcd python3-psycopg2 haproxy postgresql-15 tini");
            System.exit(3);
        }
        int status = 2;
        LocalCluster cluster = LocalCluster.local(home());
        boolean wasRunning = cluster.running();
        DrillOptions options = DrillOptions.parse(args);
        try {
            DrillReport report = new FailoverDrill(home(), cluster, options).run();
            status = report.lost() > 0 ? 1 : report.allRecovered() ? 0 : 2;
        } catch (RuntimeException e) {
            log.error("The failover drill failed", e);
        } finally {
            if (wasRunning || options.keepCluster()) {
                print("CLUSTER left running (" + (wasRunning ? "it ran before the drill" : "--keep")
                        + "): compose/ha/cluster down stops it");
            } else {
                cluster.down();
                print("CLUSTER stopped (the drill started it; --keep leaves it running)");
            }
        }
        System.exit(status);
    }

    DrillReport run() {
        long clusterReady = cluster.up();
        print(String.format("CLUSTER healthy in %d ms (3 Patroni nodes, 3 etcd, HAProxy)", clusterReady));
        Map<String, String> env = cluster.env();
        try (DrillDatabase database = DrillDatabase.create(env, cluster.primaryPort());
                DrillStorefront storefront = DrillStorefront.start(
                        home, cluster.state().resolve("failover-drill"), env, DrillDatabase.NAME)) {
            print(String.format(
                    "MIGRATED %d Flyway migrations on PostgreSQL %s through HAProxy",
                    database.migrations(), database.serverVersion()));
            print(String.format(
                    "STOREFRONT pid %d on the cluster; load: %d clients, %d registrations/s in all",
                    storefront.pid(), options.writers(), options.writesPerSecond()));
            WriteTarget target = new RegistrationWrites(
                    storefront.url("/api/v1/auth/register"), database.jdbc(), storefront.blindIndexKey());
            List<ScenarioResult> results = new ArrayList<>();
            long loadStart = System.nanoTime();
            LoadGenerator load = LoadGenerator.start(target, options.writers(), options.writesPerSecond());
            List<LoadGenerator.Ack> all;
            try {
                long windowStart = System.nanoTime();
                for (Scenario scenario : options.scenarios()) {
                    ScenarioResult result = run(scenario, load, target, windowStart);
                    windowStart = System.nanoTime();
                    results.add(result);
                    print(result.line());
                }
            } finally {
                load.close();
                all = load.acknowledged(Long.MIN_VALUE, Long.MAX_VALUE);
            }
            int lost = missing(target, all);
            DrillReport report = new DrillReport(clusterReady, results, all.size(), load.failures(), lost);
            print(String.format(
                    "WRITES acknowledged=%d (%.1f/s achieved, median %d ms) failed=%d lost=%d"
                            + " (all checked on the final primary)%s",
                    report.acknowledged(),
                    all.size() * 1e9 / Math.max(1, System.nanoTime() - loadStart),
                    all.stream()
                            .mapToLong(LoadGenerator.Ack::latencyMillis)
                            .sorted()
                            .skip(all.size() / 2)
                            .findFirst()
                            .orElse(0),
                    report.failedWrites(),
                    lost,
                    load.failures() > 0 ? "; last failure: " + load.lastFailure() : ""));
            print(report.benchLine());
            return report;
        }
    }

    private ScenarioResult run(Scenario scenario, LoadGenerator load, WriteTarget target, long windowStart) {
        cluster.await(LocalCluster::healthy, HEALTHY_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException(
                        "The cluster is not healthy before " + scenario.label() + ": " + cluster.members()));
        long flowing = System.nanoTime();
        load.await(a -> a.ackNanos() > flowing, Duration.ofSeconds(30))
                .orElseThrow(() -> new IllegalStateException(
                        "No write acknowledged before " + scenario.label() + "; last failure: " + load.lastFailure()));
        List<ClusterMember> members = cluster.members();
        ClusterMember primary = members.stream()
                .filter(ClusterMember::isLeader)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No leader before " + scenario.label()));
        log.info("{}: primary {} (port {})", scenario.label(), primary.name(), primary.port());

        long failedBefore = load.failures();
        long fault = System.nanoTime();
        scenario.inject(cluster, primary, members);
        Optional<ClusterMember> promoted = cluster.await(
                        ms -> ms.stream()
                                .anyMatch(m -> m.isLeader() && !m.name().equals(primary.name())),
                        options.recoveryTimeout())
                .flatMap(took -> cluster.leader());
        long promotedSeen = System.nanoTime();
        String newPrimary = promoted.map(ClusterMember::name).orElse("none");
        // Writes flow again once a registration sent after the new leader appeared is acknowledged.
        long rto = promoted.flatMap(leader -> load.await(a -> a.startNanos() > promotedSeen, options.recoveryTimeout()))
                .map(back -> outageEnd(load.acknowledged(fault, back.ackNanos()), fault) - fault)
                .map(nanos -> nanos / 1_000_000)
                .orElse(-1L);
        log.info("{}: writes back after {} ms on {}", scenario.label(), rto, newPrimary);
        log.info(
                "{}: acknowledged after the fault (ms from the fault, sent at): {}",
                scenario.label(),
                load.acknowledged(fault, System.nanoTime()).stream()
                        .sorted(java.util.Comparator.comparingLong(LoadGenerator.Ack::ackNanos))
                        .limit(12)
                        .map(a ->
                                (a.ackNanos() - fault) / 1_000_000 + " (" + (a.startNanos() - fault) / 1_000_000 + ")")
                        .collect(Collectors.joining(", ")));
        if (scenario.patroniDies()) {
            // As systemd would: start the dead Patroni again (the script first stops an orphaned postmaster).
            log.info("{}: starting Patroni {} again", scenario.label(), primary.name());
            cluster.up();
        }
        boolean rejoined = cluster.await(ms -> rejoined(ms, primary.name()), options.recoveryTimeout())
                .isPresent();
        long rejoinMillis = rejoined ? (System.nanoTime() - fault) / 1_000_000 : -1;

        long end = System.nanoTime();
        List<LoadGenerator.Ack> window = load.acknowledged(windowStart, end);
        long slowest = window.stream()
                .filter(a -> a.ackNanos() >= fault)
                .mapToLong(LoadGenerator.Ack::latencyMillis)
                .max()
                .orElse(0);
        return new ScenarioResult(
                scenario,
                primary.name(),
                newPrimary,
                rto,
                slowest,
                window.size(),
                load.failures() - failedBefore,
                missing(target, window),
                rejoined,
                rejoinMillis);
    }

    private static boolean rejoined(List<ClusterMember> members, String oldPrimary) {
        int timeline = members.stream()
                .filter(ClusterMember::isLeader)
                .mapToInt(ClusterMember::timeline)
                .findFirst()
                .orElse(-1);
        return members.stream()
                .anyMatch(m -> m.name().equals(oldPrimary) && m.isRunningReplica() && m.timeline() == timeline);
    }

    /**
     * When writes came back: the acknowledgement that ends the longest pause without any after the
     * fault. Not simply the first acknowledgement after the fault: an old primary may acknowledge for
     * a while after it (an orphaned PostgreSQL until HAProxy fences it, a primary finishing its last
     * commits before a switchover); those writes survive, but they are not the recovery.
     */
    static long outageEnd(List<LoadGenerator.Ack> acks, long fault) {
        long previous = fault;
        long longest = -1;
        long end = fault;
        for (LoadGenerator.Ack ack : acks.stream()
                .sorted(java.util.Comparator.comparingLong(LoadGenerator.Ack::ackNanos))
                .toList()) {
            if (ack.ackNanos() - previous > longest) {
                longest = ack.ackNanos() - previous;
                end = ack.ackNanos();
            }
            previous = ack.ackNanos();
        }
        return end;
    }

    /** How many of the acknowledged writes the current primary does not hold. */
    private static int missing(WriteTarget target, List<LoadGenerator.Ack> acks) {
        Set<String> keys = acks.stream().map(LoadGenerator.Ack::key).collect(Collectors.toSet());
        int present = 0;
        List<String> batch = new ArrayList<>();
        for (String key : keys) {
            batch.add(key);
            if (batch.size() == 1_000) {
                present += target.present(batch).size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            present += target.present(batch).size();
        }
        return keys.size() - present;
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The checkout: {@code -Dsilkway.home}, else the nearest folder up holding compose/ha/cluster. */
    static Path home() {
        String configured = System.getProperty("silkway.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("compose/ha/cluster"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the drill from inside the Silkway checkout or set -Dsilkway.home");
    }
}
