package dev.silkway.drill;

import java.util.List;

/** The drill's outcome: every scenario, and the check of all acknowledged writes at the end. */
record DrillReport(
        long clusterReadyMillis, List<ScenarioResult> scenarios, long acknowledged, long failedWrites, int lostWrites) {

    boolean allRecovered() {
        return scenarios.stream().allMatch(ScenarioResult::recovered);
    }

    long rtoMaxMillis() {
        return scenarios.stream().mapToLong(ScenarioResult::rtoMillis).max().orElse(0);
    }

    long rejoined() {
        return scenarios.stream().filter(ScenarioResult::rejoined).count();
    }

    /** Acknowledged writes missing: per scenario on its new primary, and all of them at the end. */
    int lost() {
        return Math.max(
                lostWrites, scenarios.stream().mapToInt(ScenarioResult::lost).sum());
    }

    /** The benchmark line of the README's {@code ## Benchmarks}. */
    String benchLine() {
        int lost = lost();
        return String.format(
                "BENCH failover scenarios=%d rto_ms_max=%d lost_writes=%d rejoined=%d/%d",
                scenarios.size(), rtoMaxMillis(), lost, rejoined(), scenarios.size());
    }
}
