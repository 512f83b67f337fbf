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
        int trackingPollerPort,
        int mailSmtpPort,
        int mailImapPort,
        boolean clusterDatabase,
        String feedAllowedHosts) {

    static final String DATABASE = "silkway";

    /** Writes through the local Patroni cluster's HAProxy (compose/ha/cluster, docs/ha.md). */
    static final String CLUSTER_JDBC_URL = "jdbc:postgresql://127.0.0.1:25440/" + DATABASE
            + "?targetServerType=primary&connectTimeout=2&socketTimeout=10";

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
                port(env, "TRACKING_POLLER_PORT", 8083),
                port(env, "MAIL_SMTP_PORT", 3025),
                port(env, "MAIL_IMAP_PORT", 3143),
                clusterDatabase(env),
                feedAllowedHosts(env, port(env, "SANDBOX_PORT", 8090)));
    }

    /**
     * {@code SILKWAY_FEED_ALLOWED_HOSTS} as set in the environment, else the sandbox's own address: a feed declared
     * on the sandbox (README, "Declaring a feed") is the one non-public address a feed may reach.
     */
    private static String feedAllowedHosts(Map<String, String> env, int sandboxPort) {
        String value = env.get("SILKWAY_FEED_ALLOWED_HOSTS");
        return value == null || value.isBlank() ? "127.0.0.1:" + sandboxPort : value.strip();
    }

    /**
     * {@code SILKWAY_DB=ha}: the applications use the local Patroni cluster (./silkway run brings it up
     * and exports SPRING_DATASOURCE_URL/USERNAME/PASSWORD) instead of the local PostgreSQL.
     */
    private static boolean clusterDatabase(Map<String, String> env) {
        String value = env.getOrDefault("SILKWAY_DB", "local").trim();
        return switch (value) {
            case "", "local" -> false;
            case "ha" -> true;
            default -> throw new IllegalArgumentException("SILKWAY_DB must be local or ha, not '" + value + "'");
        };
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
        return clusterDatabase ? CLUSTER_JDBC_URL : "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
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
