package dev.silkway.sandbox.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CarrierCallsTest {

    final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
    final CarrierCalls calls = new CarrierCalls(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    });

    @Test
    void countsEachCarriersCallsPerSecondWithItsLimitAndBusiestSecond() {
        for (int i = 0; i < 3; i++) {
            calls.received("17track", 3);
        }
        millis.addAndGet(1_000);
        calls.received("17track", 3);
        calls.received("cdek-v2", 10);

        var usage = calls.since(0);

        assertThat(usage.keySet()).containsExactly("17track", "cdek-v2");
        assertThat(usage.get("17track").limitPerSecond()).isEqualTo(3);
        assertThat(usage.get("17track").calls()).isEqualTo(4);
        assertThat(usage.get("17track").maxPerSecond()).isEqualTo(3);
        assertThat(usage.get("17track").seconds())
                .containsExactly(new CarrierCalls.Second(1_800_000_000, 3), new CarrierCalls.Second(1_800_000_001, 1));
        assertThat(calls.since(1_800_000_001).get("17track").calls()).isEqualTo(1);
    }

    @Test
    void keepsTheLastHourOnly() {
        calls.received("sf-express", 10);
        millis.addAndGet(CarrierCalls.SECONDS_KEPT * 1_000L);
        calls.received("sf-express", 10);

        assertThat(calls.since(0).get("sf-express").seconds())
                .containsExactly(new CarrierCalls.Second(1_800_000_000 + CarrierCalls.SECONDS_KEPT, 1));
    }
}
