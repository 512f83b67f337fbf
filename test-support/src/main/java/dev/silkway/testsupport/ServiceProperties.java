package dev.silkway.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the shared real services: call these from a
 * {@code @DynamicPropertySource} method.
 */
public final class ServiceProperties {

    private ServiceProperties() {}

    /** A fresh migrated database of its own for this context. */
    public static void postgres(DynamicPropertyRegistry registry, String purpose) {
        String database = TestDatabases.fresh(purpose);
        registry.add("spring.datasource.url", () -> TestDatabases.jdbcUrl(database));
        registry.add("spring.datasource.username", () -> Services.postgres().user());
        registry.add("spring.datasource.password", () -> Services.postgres().password());
    }

    public static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Services.kafka().bootstrapServers());
    }

    public static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> Services.elasticsearch().url());
    }

    /** PostgreSQL, Kafka and Elasticsearch at once. */
    public static void all(DynamicPropertyRegistry registry, String purpose) {
        postgres(registry, purpose);
        kafka(registry);
        elasticsearch(registry);
    }
}
