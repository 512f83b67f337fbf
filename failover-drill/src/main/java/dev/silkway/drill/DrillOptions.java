package dev.silkway.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The drill's options: {@code --scenarios a,b} picks scenarios; {@code --writers} (concurrent
 * clients) and {@code --rate} (registrations per second, all writers together) shape the load;
 * {@code --keep} leaves the cluster running after the drill when the drill started it.
 */
record DrillOptions(
        List<Scenario> scenarios, int writers, int writesPerSecond, Duration recoveryTimeout, boolean keepCluster) {

    /**
     * 4 clients, 8 registrations/s: each registration hashes its password with Argon2id (~50 ms of a
     * core), and 2 cores also run three PostgreSQL nodes, Patroni, etcd and HAProxy.
     */
    static DrillOptions defaults() {
        return new DrillOptions(List.of(Scenario.values()), 4, 8, Duration.ofSeconds(60), false);
    }

    static DrillOptions parse(String... args) {
        DrillOptions options = defaults();
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String name = rest.removeFirst();
            if (name.equals("--keep")) {
                options = new DrillOptions(
                        options.scenarios, options.writers, options.writesPerSecond, options.recoveryTimeout, true);
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = rest.removeFirst();
            options = switch (name) {
                case "--scenarios" ->
                    new DrillOptions(
                            Arrays.stream(value.split(","))
                                    .map(Scenario::byLabel)
                                    .toList(),
                            options.writers,
                            options.writesPerSecond,
                            options.recoveryTimeout,
                            options.keepCluster);
                case "--writers" ->
                    new DrillOptions(
                            options.scenarios,
                            Integer.parseInt(value),
                            options.writesPerSecond,
                            options.recoveryTimeout,
                            options.keepCluster);
                case "--rate" ->
                    new DrillOptions(
                            options.scenarios,
                            options.writers,
                            Integer.parseInt(value),
                            options.recoveryTimeout,
                            options.keepCluster);
                default ->
                    throw new IllegalArgumentException("Unknown option " + name
                            + "; options: --scenarios <a,b> --writers <n> --rate <registrations/s> --keep");
            };
        }
        return options;
    }
}
