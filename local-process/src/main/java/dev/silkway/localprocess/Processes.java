package dev.silkway.localprocess;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Signals and waits on processes by PID. */
public final class Processes {

    private Processes() {}

    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public static Optional<String> commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine());
    }

    /** Sends a named signal (TERM, INT, KILL...) through {@code kill}. */
    public static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code pid} has exited; true when it did within {@code timeout}. */
    public static boolean awaitExit(long pid, Duration timeout) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !isAlive(pid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !isAlive(pid);
        }
    }

    /** SIGTERM, then SIGKILL if the process is still there after {@code grace}. */
    public static void stop(long pid, Duration grace) {
        if (!isAlive(pid)) {
            return;
        }
        signal(pid, "TERM");
        if (!awaitExit(pid, grace)) {
            signal(pid, "KILL");
            awaitExit(pid, Duration.ofSeconds(10));
        }
    }
}
