package dev.silkway.compose.stack;

import dev.silkway.localprocess.JavaChild;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application as the stack runs it: not from {@code <module>/target}, which the next {@code ./mvnw
 * package} or {@code install} rewrites under the running process, but from its own copy in the state
 * folder ({@code apps/<name>/app/}), Spring Boot's extracted layout ({@code -Djarmode=tools extract}:
 * the application jar and {@code lib/} beside it). That layout also lets the JVM keep the classes in an
 * AOT cache ({@link AotCache}), which a fat jar's nested jars do not. The copy is made again only when
 * the built jar's content changed (its SHA-256: the build's jars are reproducible), and its AOT cache
 * goes with the old copy.
 */
record InstalledApplication(String name, Path jar, Path aotCache) {

    private static final Logger log = LoggerFactory.getLogger(InstalledApplication.class);

    static InstalledApplication install(String name, Path builtJar, Path appsState) {
        Path folder = appsState.resolve(name);
        Path app = folder.resolve("app");
        Path source = folder.resolve("app.source");
        try {
            String built = builtJar.toAbsolutePath() + " " + sha256(builtJar);
            if (!Files.isDirectory(app)
                    || !Files.isRegularFile(source)
                    || !Files.readString(source).equals(built)) {
                log.info("Copying {} into {} (a rebuild no longer touches the running application)", builtJar, app);
                delete(app);
                Files.deleteIfExists(folder.resolve(AotCache.FILE));
                Path extracting = folder.resolve("app.extracting");
                delete(extracting);
                Files.createDirectories(folder);
                JavaChild.startJar(
                                name + "-extract",
                                appsState,
                                builtJar,
                                List.of("-Djarmode=tools"),
                                List.of("extract", "--destination", extracting.toString()))
                        .awaitExit(Duration.ofMinutes(2));
                Files.move(extracting, app, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(source, built);
            }
            return new InstalledApplication(name, applicationJar(app), folder.resolve(AotCache.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + builtJar + " into " + app, e);
        }
    }

    /** The jar's digest: the build makes reproducible jars, so a rebuild of the same sources keeps the copy. */
    private static String sha256(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path applicationJar(Path app) throws IOException {
        try (Stream<Path> files = Files.list(app)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No application jar in " + app));
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
