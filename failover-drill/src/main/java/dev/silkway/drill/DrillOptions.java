package dev.silkway.drill;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The drill's options: {@code --target <url>} writes through the storefront's registration endpoint
 * instead of the audit log; {@code --scenarios a,b} picks scenarios; {@code --writers},
 * {@code --rate} shape the load.
 */
record DrillOptions(URI target, List<Scenario> scenarios, int writers, int writesPerSecond, Duration recoveryTimeout) {

    static DrillOptions defaults() {
        return new DrillOptions(null, List.of(Scenario.values()), 4, 200, Duration.ofSeconds(60));
    }

    static DrillOptions parse(String... args) {
        DrillOptions options = defaults();
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String name = rest.removeFirst();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = rest.removeFirst();
            options = switch (name) {
                case "--target" ->
                    new DrillOptions(
                            URI.create(value),
                            options.scenarios,
                            options.writers,
                            options.writesPerSecond,
                            options.recoveryTimeout);
                case "--scenarios" ->
                    new DrillOptions(
                            options.target,
                            Arrays.stream(value.split(","))
                                    .map(Scenario::byLabel)
                                    .toList(),
                            options.writers,
                            options.writesPerSecond,
                            options.recoveryTimeout);
                case "--writers" ->
                    new DrillOptions(
                            options.target,
                            options.scenarios,
                            Integer.parseInt(value),
                            options.writesPerSecond,
                            options.recoveryTimeout);
                case "--rate" ->
                    new DrillOptions(
                            options.target,
                            options.scenarios,
                            options.writers,
                            Integer.parseInt(value),
                            options.recoveryTimeout);
                default ->
                    throw new IllegalArgumentException("Unknown option " + name
                            + "; options: --target <url> --scenarios <a,b> --writers <n> --rate <writes/s>");
            };
        }
        return options;
    }
}
