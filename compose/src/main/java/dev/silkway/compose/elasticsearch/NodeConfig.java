package dev.silkway.compose.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The node's config folder in its state folder, refreshed on every start from the distribution's
 * {@code config/} (synonym files, hunspell dictionaries); files put there at run time stay.
 */
final class NodeConfig {

    private NodeConfig() {}

    static Path install(Path shipped, Path target) {
        try {
            Files.createDirectories(target);
            if (!Files.isDirectory(shipped)) {
                return target;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(shipped)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path copy = target.resolve(shipped.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Elasticsearch config folder " + target, e);
        }
    }
}
