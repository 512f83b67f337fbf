package dev.silkway.sandbox.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code silkway.sandbox.time-factor}, the one the journeys use: a simulated duration in real time. */
@ConfigurationProperties("silkway.sandbox")
record SimulatedTime(@DefaultValue("3000") double timeFactor) {

    SimulatedTime {
        if (!(timeFactor >= 1)) {
            throw new IllegalArgumentException("silkway.sandbox.time-factor must be at least 1");
        }
    }

    Duration real(Duration simulated) {
        return Duration.ofNanos(Math.round(simulated.toNanos() / timeFactor));
    }
}
