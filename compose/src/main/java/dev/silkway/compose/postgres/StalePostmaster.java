package dev.silkway.compose.postgres;

import dev.silkway.localprocess.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a postmaster left running over a data folder by a killed run, and stops it. */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static Optional<Long> pidOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<Long> pid = pidOf(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        boolean postmaster = ProcessHandle.of(pid.get())
                .flatMap(p -> p.info().command())
                .map(command -> command.endsWith("/postgres"))
                .orElse(false);
        if (postmaster) {
            log.warn("Stopping PostgreSQL {} left running over {} by an earlier run", pid.get(), dataDir);
            // SIGINT is PostgreSQL's "fast" shutdown: it rolls back open transactions and exits cleanly.
            Processes.signal(pid.get(), "INT");
            Processes.awaitExit(pid.get(), java.time.Duration.ofSeconds(30));
        }
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
    }
}
