package dev.silkway.compose.stack;

import dev.silkway.localprocess.JavaChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run that makes an application's {@link AotCache}: the application with the very JVM options and
 * arguments of the real start, plus {@code -XX:AOTCacheOutput} and Spring's {@code
 * -Dspring.context.exit=onRefresh}: its context starts and the JVM exits before any lifecycle bean
 * runs (no web server bound, no listener, no scheduler), then assembles the cache. It runs beside the
 * started stack at the lowest CPU priority, so the first start after a build is not slowed down; the
 * cache is moved into place only when complete.
 */
final class AotTraining implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AotTraining.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final InstalledApplication app;
    private final JavaChild child;
    private final Path output;

    private AotTraining(InstalledApplication app, JavaChild child, Path output) {
        this.app = app;
        this.child = child;
        this.output = output;
    }

    static AotTraining start(InstalledApplication app, Path stateDir, List<String> jvmOptions, List<String> args) {
        Path output = app.aotCache().resolveSibling(AotCache.FILE + ".training");
        List<String> training = new ArrayList<>(jvmOptions);
        training.add("-XX:AOTCacheOutput=" + output);
        training.add("-Dspring.context.exit=onRefresh");
        JavaChild child = JavaChild.startJar(app.name() + "-aot", stateDir, app.jar(), training, args);
        lowestPriority(child.pid());
        return new AotTraining(app, child, output);
    }

    /** Waits for the training to end; true when the cache is in place. */
    boolean await() {
        try {
            child.awaitExit(TIMEOUT);
            if (!Files.isRegularFile(output)) {
                log.warn("{}'s training left no AOT cache: see {}", app.name(), child.logFile());
                return false;
            }
            Files.move(output, app.aotCache(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("No AOT cache for {} (it starts without one): {}", app.name(), firstLine(e.getMessage()));
            return false;
        }
    }

    String name() {
        return app.name();
    }

    @Override
    public void close() {
        child.close();
    }

    /** {@code renice 19}: the training (and the cache's assembly, its child) yields to everything else. */
    private static void lowestPriority(long pid) {
        try {
            new ProcessBuilder("renice", "-n", "19", "-p", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            log.debug("renice failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
