package dev.silkway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The failover drill on a Patroni cluster of its own (Debian's packages; CI installs them): the local
 * cluster's scripts on other ports and another state folder ({@link LocalCluster#forTests}), so a local
 * cluster left running never meets the test. Fails when an acknowledged write is lost, when writes do
 * not come back, or when an old primary does not rejoin as a replica.
 */
class FailoverDrillIT {

    private static final LocalCluster cluster = LocalCluster.forTests(FailoverDrill.home());

    /** The drill brings the cluster up; the test leaves no process of it behind. */
    @AfterAll
    static void stopTheCluster() {
        if (LocalCluster.packagesInstalled()) {
            cluster.down();
        }
    }

    @Test
    void losesNoAcknowledgedWriteWhenThePrimaryFails() {
        Assumptions.assumeTrue(
                LocalCluster.packagesInstalled(),
                "Skipping the failover drill: Debian's packages are not installed "
                        + "(apt-get install -y patroni etcd-server python3-etcd python3-psycopg2 haproxy postgresql-15 tini)");

        DrillReport report = new FailoverDrill(FailoverDrill.home(), cluster, DrillOptions.defaults()).run();

        assertThat(report.scenarios()).hasSize(Scenario.values().length);
        assertThat(report.scenarios())
                .allSatisfy(s -> assertThat(s.recovered())
                        .as("writes recovered after %s", s.scenario().label())
                        .isTrue());
        assertThat(report.lost()).as("acknowledged writes lost").isZero();
        assertThat(report.rejoined())
                .as("old primaries rejoined")
                .isEqualTo(report.scenarios().size());
    }
}
