package dev.silkway.compose.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it takes; each port can be moved with the
 * environment variable named beside it.
 */
record StackSettings(
        Path home,
        Path state,
        int postgresPort,
        int kafkaPort,
        int elasticsearchPort,
        int sandboxPort,
        int storefrontPort,
        int ingestionPort,
        int searchIndexerPort,
        int trackingPollerPort) {

    static final String DATABASE = "silkway";

    static StackSettings from(Path home, Map<String, String> env) {
        return new StackSettings(
                home,
                Path.of(env.getOrDefault("SILKWAY_STATE", home.resolve(".state").toString())),
                port(env, "POSTGRES_PORT", 55432),
                port(env, "KAFKA_PORT", 9092),
                port(env, "ELASTICSEARCH_PORT", 9200),
                port(env, "SANDBOX_PORT", 8090),
                port(env, "STOREFRONT_PORT", 8080),
                port(env, "INGESTION_PORT", 8081),
                port(env, "SEARCH_INDEXER_PORT", 8082),
                port(env, "TRACKING_POLLER_PORT", 8083));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String elasticsearchUrl() {
        return "http://127.0.0.1:" + elasticsearchPort;
    }

    String sandboxUrl() {
        return "http://127.0.0.1:" + sandboxPort;
    }
}
