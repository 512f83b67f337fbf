package dev.silkway.elastic.node;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the node keeps its state and where it listens: {@code --home <dir> --data <dir> --port <n>}
 * and optionally {@code --modules <dir>}, {@code --config <dir>} and {@code --parent-pid <pid>},
 * each also readable from a system property {@code silkway.elasticsearch.<name>}.
 *
 * @param home the node's home: its pid file, logs and (by default) config folder
 * @param data the data folder, kept between runs
 * @param modules the folder of plugin bundles (transport-netty4, silkway-analysis)
 * @param config the config folder (synonyms files, hunspell dictionaries)
 * @param port the HTTP port
 * @param parentPid the process whose end stops the node too, or 0 for none
 */
record NodeOptions(Path home, Path data, Path modules, Path config, int port, long parentPid) {

    static final String PROPERTY_PREFIX = "silkway.elasticsearch.";

    /** Reads the options from {@code args}, falling back to system properties, then to defaults. */
    static NodeOptions parse(String[] args, UnaryOperator<String> properties, Path distribution) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
        UnaryOperator<String> option = name -> values.getOrDefault(name, properties.apply(PROPERTY_PREFIX + name));
        Path home = Path.of(required(option, "home")).toAbsolutePath();
        String data = option.apply("data");
        String modules = option.apply("modules");
        String config = option.apply("config");
        String port = option.apply("port");
        String parentPid = option.apply("parent-pid");
        return new NodeOptions(
                home,
                data == null ? home.resolve("data") : Path.of(data).toAbsolutePath(),
                modules == null
                        ? distribution.resolve("modules")
                        : Path.of(modules).toAbsolutePath(),
                config == null ? home.resolve("config") : Path.of(config).toAbsolutePath(),
                port == null ? 9200 : Integer.parseInt(port),
                parentPid == null ? 0 : Long.parseLong(parentPid));
    }

    private static String required(UnaryOperator<String> option, String name) {
        String value = option.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name + " (or -D" + PROPERTY_PREFIX + name
                    + "); usage: --home <dir> --data <dir> --port <n>");
        }
        return value;
    }
}
