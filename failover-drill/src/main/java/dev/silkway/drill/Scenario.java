package dev.silkway.drill;

import java.util.List;

/** The faults the drill injects into the primary, in the order it runs them. */
enum Scenario {
    /** {@code kill -9} of the primary's postmaster: Patroni sees PostgreSQL crash and fails over. */
    KILL_POSTMASTER("kill-postmaster", false) {
        @Override
        void inject(LocalCluster cluster, ClusterMember primary, List<ClusterMember> members) {
            signal(cluster.postmasterPid(primary.name()), true);
        }
    },
    /** SIGTERM of the primary's Patroni: it stops PostgreSQL and releases the leader key. */
    TERM_PATRONI("term-patroni", true) {
        @Override
        void inject(LocalCluster cluster, ClusterMember primary, List<ClusterMember> members) {
            signal(cluster.patroniPid(primary.name()), false);
        }
    },
    /**
     * SIGKILL of the primary's Patroni: its PostgreSQL runs on, orphaned, until the leader key
     * expires; HAProxy stops routing to it as soon as its REST API no longer answers.
     */
    KILL_PATRONI("kill-patroni", true) {
        @Override
        void inject(LocalCluster cluster, ClusterMember primary, List<ClusterMember> members) {
            signal(cluster.patroniPid(primary.name()), true);
        }
    },
    /** A planned switchover to the sync standby through Patroni's REST API. */
    SWITCHOVER("switchover", false) {
        @Override
        void inject(LocalCluster cluster, ClusterMember primary, List<ClusterMember> members) {
            String candidate = members.stream()
                    .filter(ClusterMember::isSyncStandby)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No sync standby to switch over to"))
                    .name();
            cluster.switchover(primary, candidate);
        }
    };

    private final String label;
    private final boolean patroniDies;

    Scenario(String label, boolean patroniDies) {
        this.label = label;
        this.patroniDies = patroniDies;
    }

    abstract void inject(LocalCluster cluster, ClusterMember primary, List<ClusterMember> members);

    String label() {
        return label;
    }

    /** True when the old primary's Patroni is gone and must be started again to rejoin. */
    boolean patroniDies() {
        return patroniDies;
    }

    static Scenario byLabel(String label) {
        for (Scenario scenario : values()) {
            if (scenario.label.equals(label)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("Unknown scenario '" + label + "'; known: kill-postmaster, "
                + "term-patroni, kill-patroni, switchover");
    }

    private static void signal(long pid, boolean kill) {
        ProcessHandle process =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No process " + pid + " to signal"));
        boolean sent = kill ? process.destroyForcibly() : process.destroy();
        if (!sent) {
            throw new IllegalStateException("Could not signal process " + pid);
        }
    }
}
