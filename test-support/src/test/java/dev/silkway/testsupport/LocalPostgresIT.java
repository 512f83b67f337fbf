package dev.silkway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.compose.postgres.LocalPostgres;
import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresIT {

    @Test
    void theSharedServerIsPostgres17() throws Exception {
        try (Connection c = Services.postgres().adminDataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(170000, 179999);
        }
    }

    @Test
    void dataSurvivesARestartOverTheSameFolder(@TempDir Path state) throws Exception {
        Path data = state.resolve("pg");
        try (LocalPostgres first = LocalPostgres.start(data, 0)) {
            first.createDatabase("keep");
            try (Connection c = first.dataSource("keep").getConnection()) {
                c.createStatement().execute("CREATE TABLE kept(v text); INSERT INTO kept VALUES ('still here')");
            }
        }
        try (LocalPostgres second = LocalPostgres.start(data, 0);
                Connection c = second.dataSource("keep").getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedNotReused(@TempDir Path state) throws Exception {
        Path data = state.resolve("pg");
        Path ready = state.resolve("orphan.pid");
        // A whole JVM owns the server, then dies by SIGKILL: its PostgreSQL keeps running, orphaned.
        JavaChild owner = JavaChild.start(
                "owner",
                state,
                System.getProperty("java.class.path"),
                List.of(),
                OrphanPostgres.class.getName(),
                List.of(data.toString(), ready.toString()));
        owner.awaitReady(() -> Files.exists(ready), Duration.ofSeconds(60));
        long orphanPid = Long.parseLong(Files.readString(ready).trim());
        Processes.signal(owner.pid(), "KILL");
        Processes.awaitExit(owner.pid(), Duration.ofSeconds(10));
        assertThat(Processes.isAlive(orphanPid)).isTrue();

        try (LocalPostgres next = LocalPostgres.start(data, 0)) {
            assertThat(Processes.isAlive(orphanPid)).isFalse();
            assertThat(next.pid()).isNotEqualTo(orphanPid);
            try (Connection c = next.adminDataSource().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
