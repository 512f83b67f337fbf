package dev.silkway.compose.stack;

import java.nio.file.Files;
import java.util.List;

/**
 * Java 25's AOT cache (JEP 483, 514, 515) of an installed application: the classes it loads and links
 * while its context starts, and the profiles of its hot methods, read from one file instead of from
 * the jars at every start. Made by an {@link AotTraining} once per build of the application; a start
 * without the file, or with one that a new JDK no longer accepts, simply runs without it.
 */
final class AotCache {

    static final String FILE = "app.aot";

    private AotCache() {}

    /** The JVM options that read the cache, when there is one. */
    static List<String> options(InstalledApplication app) {
        return Files.isRegularFile(app.aotCache()) ? List.of("-XX:AOTCache=" + app.aotCache()) : List.of();
    }

    static boolean missing(InstalledApplication app) {
        return !Files.isRegularFile(app.aotCache());
    }
}
