package dev.silkway.localprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM running one local service: started with its own classpath, its output in a log file,
 * its PID in a pid file; stopped by PID.
 */
public final class JavaChild implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JavaChild.class);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final PidFile pidFile;

    private JavaChild(String name, Process process, Path logFile, PidFile pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code mainClass} with {@code classpath} (a {@code dir/*} wildcard is fine), after stopping
     * any process of the same main class left over in {@code stateDir} by a killed run.
     */
    public static JavaChild start(
            String name,
            Path stateDir,
            String classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> args) {
        List<String> launch = new ArrayList<>(List.of("-cp", classpath, mainClass));
        launch.addAll(args);
        return start(name, stateDir, jvmOptions, launch, mainClass, Map.of());
    }

    /** Starts an executable jar (a Spring Boot application), its path serving as the leftover marker. */
    public static JavaChild startJar(String name, Path stateDir, Path jar, List<String> jvmOptions, List<String> args) {
        return startJar(name, stateDir, jar, jvmOptions, args, Map.of());
    }

    /** Like {@link #startJar(String, Path, Path, List, List)}, with variables added to its environment (secrets). */
    public static JavaChild startJar(
            String name,
            Path stateDir,
            Path jar,
            List<String> jvmOptions,
            List<String> args,
            Map<String, String> environment) {
        List<String> launch = new ArrayList<>(List.of("-jar", jar.toString()));
        launch.addAll(args);
        return start(name, stateDir, jvmOptions, launch, jar.toString(), environment);
    }

    private static JavaChild start(
            String name,
            Path stateDir,
            List<String> jvmOptions,
            List<String> launch,
            String marker,
            Map<String, String> environment) {
        try {
            Files.createDirectories(stateDir);
            PidFile pidFile = new PidFile(stateDir.resolve(name + ".pid"));
            pidFile.stopLeftover(marker);
            Path logFile = stateDir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions);
            command.addAll(launch);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.directory(stateDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            pidFile.write(process.pid());
            log.info("Started {} (pid {}), log {}", name, process.pid(), logFile);
            return new JavaChild(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Waits until {@code ready} holds; fails with the log's tail if the child dies or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
            }
            try {
                process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
    }

    /** Waits for a short-lived child (a tool) to finish; fails with the log's tail unless it exits 0. */
    public void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still running after " + timeout + ":\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
        }
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if the process is still there after {@code grace}. */
    public void stop(Duration grace) {
        Processes.stop(process.pid(), grace);
        pidFile.delete();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
