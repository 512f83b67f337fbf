package dev.silkway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverServicesIT {

    @Test
    void theServicesOfAKilledTestJvmAreStoppedAndItsFolderDeleted(@TempDir Path tmp) throws Exception {
        Path dead = Files.createDirectory(tmp.resolve(LeftoverServices.PREFIX + "dead"));
        Path ready = tmp.resolve("orphan.pid");
        JavaChild owner = JavaChild.start(
                "owner",
                tmp.resolve("owner-state"),
                System.getProperty("java.class.path"),
                List.of(),
                OrphanPostgres.class.getName(),
                List.of(dead.resolve("postgres").toString(), ready.toString()));
        Files.writeString(dead.resolve("owner.pid"), Long.toString(owner.pid()));
        owner.awaitReady(() -> Files.exists(ready), Duration.ofSeconds(60));
        long orphan = Long.parseLong(Files.readString(ready).trim());
        Processes.signal(owner.pid(), "KILL");
        Processes.awaitExit(owner.pid(), Duration.ofSeconds(10));
        assertThat(Processes.isAlive(orphan)).isTrue();

        LeftoverServices.reap(tmp);

        assertThat(Processes.isAlive(orphan)).as("the orphaned PostgreSQL").isFalse();
        assertThat(dead).doesNotExist();
    }

    @Test
    void theFolderOfARunningTestJvmAndItsProcessesAreLeftAlone(@TempDir Path tmp) throws Exception {
        Path live = Files.createDirectory(tmp.resolve(LeftoverServices.PREFIX + "live"));
        LeftoverServices.claim(live);
        Process sleeper =
                new ProcessBuilder("sleep", "60").directory(live.toFile()).start();
        try {
            Files.writeString(live.resolve("sleeper.pid"), Long.toString(sleeper.pid()));

            LeftoverServices.reap(tmp);

            assertThat(sleeper.isAlive()).isTrue();
            assertThat(live.resolve("owner.pid")).exists();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aRecycledPidThatRunsElsewhereIsNotStopped(@TempDir Path tmp) throws Exception {
        Path dead = Files.createDirectory(tmp.resolve(LeftoverServices.PREFIX + "recycled"));
        Files.writeString(dead.resolve("owner.pid"), Long.toString(exitedPid()));
        Process unrelated =
                new ProcessBuilder("sleep", "60").directory(tmp.toFile()).start();
        try {
            Files.writeString(dead.resolve("kafka.pid"), Long.toString(unrelated.pid()));

            LeftoverServices.reap(tmp);

            assertThat(unrelated.isAlive()).isTrue();
            assertThat(dead).doesNotExist();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    private static long exitedPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }
}
