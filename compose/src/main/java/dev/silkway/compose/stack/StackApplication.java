package dev.silkway.compose.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One Spring Boot application of the stack: its module, port and command-line settings. */
record StackApplication(String name, int port, List<String> args) {

    static List<StackApplication> all(StackSettings s) {
        List<String> services = List.of(
                "--spring.datasource.url=" + s.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + s.kafkaBootstrap(),
                "--spring.elasticsearch.uris=" + s.elasticsearchUrl(),
                "--silkway.sandbox.url=" + s.sandboxUrl());
        return List.of(
                new StackApplication("sandbox", s.sandboxPort(), List.of()),
                new StackApplication("storefront-api", s.storefrontPort(), services),
                new StackApplication("ingestion", s.ingestionPort(), services),
                new StackApplication("search-indexer", s.searchIndexerPort(), services),
                new StackApplication("tracking-poller", s.trackingPollerPort(), services));
    }

    /** The module's executable jar, as {@code ./mvnw package} leaves it. */
    Path jar(Path home) {
        Path target = home.resolve(name).resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches(name + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in " + target + ": run ./mvnw package"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No jar in " + target + ": run ./mvnw package", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
