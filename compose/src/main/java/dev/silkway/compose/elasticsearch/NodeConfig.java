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
 * {@code config/} (synonym files) and from Debian's {@code hunspell-ru} package (the Russian
 * dictionary of the product index, {@code /usr/share/hunspell/ru_RU.{aff,dic}} into {@code
 * hunspell/ru_RU/}, as {@code compose/docker-compose.yml} mounts it on a real cluster); files put
 * there at run time stay.
 */
final class NodeConfig {

    /** Where Debian's hunspell packages put their dictionaries. */
    static final Path SYSTEM_DICTIONARIES = Path.of("/usr/share/hunspell");

    static final List<String> LOCALES = List.of("ru_RU");

    private NodeConfig() {}

    static Path install(Path shipped, Path target) {
        try {
            Files.createDirectories(target);
            installDictionaries(SYSTEM_DICTIONARIES, target.resolve("hunspell"));
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

    /** Copies each locale's {@code .aff} and {@code .dic} that the system has; a missing one is skipped. */
    static void installDictionaries(Path system, Path hunspell) throws IOException {
        for (String locale : LOCALES) {
            Path aff = system.resolve(locale + ".aff");
            Path dic = system.resolve(locale + ".dic");
            if (!Files.isReadable(aff) || !Files.isReadable(dic)) {
                continue;
            }
            Path folder = Files.createDirectories(hunspell.resolve(locale));
            Files.copy(aff, folder.resolve(aff.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(dic, folder.resolve(dic.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
