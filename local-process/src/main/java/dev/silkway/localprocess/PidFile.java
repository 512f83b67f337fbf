package dev.silkway.localprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PID of a child process, written to its state folder so that a later run finds a process
 * that a killed run left behind and stops it instead of reusing it blindly.
 */
public record PidFile(Path path) {

    private static final Logger log = LoggerFactory.getLogger(PidFile.class);

    public Optional<Long> read() {
        try {
            return Files.isRegularFile(path)
                    ? Optional.of(Long.parseLong(Files.readString(path).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void write(long pid) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the process that this file names if it still runs and its command line contains
     * {@code marker} (so a recycled PID of an unrelated process is left alone).
     */
    public void stopLeftover(String marker) {
        read().filter(Processes::isAlive)
                .filter(pid -> Processes.commandLine(pid)
                        .map(line -> line.contains(marker))
                        .orElse(false))
                .ifPresent(pid -> {
                    log.warn("Stopping {} (pid {}) left running by an earlier run", marker, pid);
                    Processes.stop(pid, Duration.ofSeconds(20));
                });
        delete();
    }
}
