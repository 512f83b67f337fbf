package dev.silkway.testsupport;

import dev.silkway.localprocess.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The services of a test JVM that was killed (SIGKILL runs no shutdown hook): its PostgreSQL, Kafka and
 * Elasticsearch keep running and its temporary folder stays. Each test JVM writes its PID into its folder; a
 * later one stops the processes of folders whose owner is gone and deletes those folders. A process is
 * stopped only if it runs in the dead owner's folder, so a recycled PID is left alone.
 */
final class LeftoverServices {

    static final String PREFIX = "silkway-it-";
    private static final String OWNER = "owner.pid";

    private LeftoverServices() {}

    static void claim(Path root) throws IOException {
        Files.writeString(
                root.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
    }

    static void reap(Path tempRoot) {
        try (Stream<Path> folders = Files.list(tempRoot)) {
            folders.filter(folder -> folder.getFileName().toString().startsWith(PREFIX))
                    .filter(Files::isDirectory)
                    .filter(LeftoverServices::ownerIsGone)
                    .forEach(LeftoverServices::stopAndDelete);
        } catch (IOException e) {
            System.err.println("Could not look for leftover test services in " + tempRoot + ": " + e);
        }
    }

    /** A folder without an owner file may be one another JVM is creating right now: it is left alone. */
    private static boolean ownerIsGone(Path folder) {
        return pidIn(folder.resolve(OWNER)).map(pid -> !Processes.isAlive(pid)).orElse(false);
    }

    private static void stopAndDelete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Long> pids = files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .filter(file -> !file.getFileName().toString().equals(OWNER))
                    .map(LeftoverServices::pidIn)
                    .flatMap(Optional::stream)
                    .filter(Processes::isAlive)
                    .filter(pid -> runsIn(pid, folder))
                    .toList();
            pids.forEach(pid -> {
                System.err.println("Stopping test service pid " + pid + " left by a killed test JVM in " + folder);
                Processes.stop(pid, Duration.ofSeconds(20));
            });
        } catch (IOException e) {
            System.err.println("Could not stop the leftover services in " + folder + ": " + e);
            return;
        }
        TempFolders.deleteQuietly(folder);
    }

    /** Its working directory (the Java services) or its command line (PostgreSQL's {@code -D}) names the folder. */
    private static boolean runsIn(long pid, Path folder) {
        try {
            Path real = folder.toRealPath();
            return Path.of("/proc", Long.toString(pid), "cwd").toRealPath().startsWith(real)
                    || Processes.commandLine(pid)
                            .map(line -> line.contains(real.toString()))
                            .orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** The PID on the first line (PostgreSQL's postmaster.pid has more lines after it). */
    private static Optional<Long> pidIn(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .findFirst()
                    .map(String::trim)
                    .map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
