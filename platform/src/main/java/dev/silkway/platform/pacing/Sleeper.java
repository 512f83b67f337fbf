package dev.silkway.platform.pacing;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/** Waits; tests substitute one that records the waits (and advances a fake {@link Ticker}). */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting " + duration);
        }
    };

    void sleep(Duration duration);
}
