package dev.silkway.compose;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root folder: where the local node distributions and the state folder live. */
public final class SilkwayHome {

    private SilkwayHome() {}

    /**
     * The {@code silkway.home} system property when set (Failsafe sets it to the reactor root),
     * otherwise the nearest folder at or above the working directory that holds the root {@code mvnw}.
     */
    public static Path locate() {
        String configured = System.getProperty("silkway.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("compose"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "Cannot find the Silkway checkout: run from inside it or set -Dsilkway.home=<checkout>");
    }

    public static Path elasticsearchDistribution() {
        return distribution("elastic-node");
    }

    public static Path kafkaDistribution() {
        return distribution("kafka-node");
    }

    private static Path distribution(String module) {
        Path dist = locate().resolve(module).resolve("target/dist");
        if (!Files.isDirectory(dist)) {
            throw new IllegalStateException(
                    dist + " is missing: build it first with ./mvnw -pl " + module + " package");
        }
        return dist;
    }
}
