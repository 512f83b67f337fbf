package dev.silkway.localprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Where {@code ./mvnw package} leaves a module's executable jar in a checkout. */
public final class ModuleJar {

    private ModuleJar() {}

    /**
     * {@code <home>/<module>/target/<module>-<version>-exec.jar} where the module keeps its plain jar as
     * a library, else {@code <module>-<version>.jar}.
     */
    public static Path executable(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches(module + "-\\d[^/]*?(-exec)?\\.jar"))
                    .max(Comparator.comparing(
                            (Path p) -> p.getFileName().toString().endsWith("-exec.jar")))
                    .orElseThrow(() -> new IllegalStateException("No jar in " + target + ": run ./mvnw package"));
        } catch (IOException e) {
            throw new IllegalStateException("No jar in " + target + ": run ./mvnw package", e);
        }
    }
}
