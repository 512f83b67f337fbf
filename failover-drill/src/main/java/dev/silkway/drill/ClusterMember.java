package dev.silkway.drill;

/** One member of the Patroni cluster as {@code GET /cluster} shows it. */
record ClusterMember(String name, String role, String state, int port, int timeline) {

    boolean isLeader() {
        return "leader".equals(role);
    }

    boolean isSyncStandby() {
        return "sync_standby".equals(role);
    }

    /** A replica (sync or not) whose PostgreSQL runs; Patroni 3.0 may say running rather than streaming. */
    boolean isRunningReplica() {
        return ("replica".equals(role) || isSyncStandby()) && isRunning();
    }

    boolean isRunning() {
        return "running".equals(state) || "streaming".equals(state);
    }
}
