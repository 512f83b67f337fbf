package dev.silkway.drill;

/** What one scenario measured. {@code rtoMillis} is -1 when writes did not recover in time. */
record ScenarioResult(
        Scenario scenario,
        String oldPrimary,
        String newPrimary,
        long rtoMillis,
        long slowestWriteMillis,
        int acknowledged,
        long failed,
        int lost,
        boolean rejoined,
        long rejoinMillis) {

    boolean recovered() {
        return rtoMillis >= 0;
    }

    String line() {
        return String.format(
                "SCENARIO %-15s old_primary=%s new_primary=%s rto_ms=%d slowest_write_ms=%d acknowledged=%d failed=%d lost=%d"
                        + " rejoined=%s rejoin_ms=%d",
                scenario.label(),
                oldPrimary,
                newPrimary,
                rtoMillis,
                slowestWriteMillis,
                acknowledged,
                failed,
                lost,
                rejoined ? "yes" : "no",
                rejoinMillis);
    }
}
