package dev.silkway.compose.stack;

import java.time.Duration;

/**
 * How the runner restarts an application that died, as a process supervisor would: after {@code
 * first}, doubling with each quick death up to {@code max}; an application that stayed up for {@code
 * stable} starts again from {@code first}.
 */
record RestartPolicy(Duration first, Duration max, Duration stable) {

    static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(2));

    /** The pause before the next start, given the previous pause and how long the application ran. */
    Duration next(Duration previous, Duration ran) {
        if (previous.isZero() || ran.compareTo(stable) >= 0) {
            return first;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
