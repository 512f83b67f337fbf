package dev.silkway.tracking.poll;

import dev.silkway.platform.pacing.Sleeper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rate limit of each carrier API, shared by every poller instance through PostgreSQL: a call is
 * made only in a wall-clock second in which it reserved one of the API's slots (one conditional
 * upsert on {@code carrier_call_slots}: taken stays at most the limit), so all instances together
 * never exceed the limit in any second. The slots of a second are spread over its first
 * {@code sendWithin} and a call that could not start by then is not made: the rest of the second is
 * margin for the call to reach the carrier within the second it was counted in.
 */
final class CallSlots {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long sendWithinMillis;

    CallSlots(JdbcClient jdbc, Clock clock, Sleeper sleeper, Duration sendWithin) {
        if (sendWithin.isNegative() || sendWithin.compareTo(Duration.ofSeconds(1)) >= 0) {
            throw new IllegalArgumentException("sendWithin must be within one second");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.sleeper = sleeper;
        this.sendWithinMillis = sendWithin.toMillis();
    }

    /** The whole calls the API allows in one second (a fractional allowance is rounded down, at least 1). */
    static int perSecond(double callsPerSecond) {
        return Math.max(1, (int) Math.floor(callsPerSecond));
    }

    /** Reserves the API's earliest free slot that starts no later than {@code notAfter}. */
    Optional<Slot> reserve(String api, int perSecond, Instant notAfter) {
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000) * 1000;
        if (now - second >= sendWithinMillis) {
            second += 1000;
        }
        for (; second <= notAfter.toEpochMilli(); second += 1000) {
            Optional<Integer> taken = jdbc.sql("""
                    INSERT INTO carrier_call_slots (api, slot_second, taken) VALUES (:api, :second, 1)
                    ON CONFLICT (api, slot_second) DO UPDATE SET taken = carrier_call_slots.taken + 1
                    WHERE carrier_call_slots.taken < :limit
                    RETURNING taken
                    """)
                    .param("api", api)
                    .param("second", Timestamp.from(Instant.ofEpochMilli(second)))
                    .param("limit", perSecond)
                    .query(Integer.class)
                    .optional();
            if (taken.isPresent()) {
                long start = second + (taken.get() - 1) * sendWithinMillis / perSecond;
                return Optional.of(
                        new Slot(Instant.ofEpochMilli(start), Instant.ofEpochMilli(second + sendWithinMillis)));
            }
        }
        return Optional.empty();
    }

    /** Waits for the slot; false when its second has passed (the call must not be made then). */
    boolean await(Slot slot) {
        long wait = slot.startAt().toEpochMilli() - clock.millis();
        if (wait > 0) {
            sleeper.sleep(Duration.ofMillis(wait));
        }
        return clock.millis() < slot.deadline().toEpochMilli();
    }

    /** Forgets the seconds long past. */
    int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM carrier_call_slots WHERE slot_second < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /** One reserved call: when it may start and by when it must have started. */
    record Slot(Instant startAt, Instant deadline) {}
}
