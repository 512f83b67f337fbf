package dev.silkway.storefront.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.ServiceProperties;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storefront on a random port against the real PostgreSQL (a database of its own), Kafka and
 * Elasticsearch. Products are written to the catalogue tables and indexed with the indexer's own
 * document builder ({@link CatalogueFixture}). One context for every catalogue test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CatalogueIntegrationTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.all(registry, "storefront_catalogue");
        // Product pages translate on first view: through the sandbox's translator.
        registry.add("silkway.sandbox.url", () -> SandboxProcess.shared().url());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected DataSource dataSource;

    @Autowired
    protected ElasticsearchClient elastic;

    protected Http api;

    @BeforeEach
    void api() {
        api = new Http(port);
    }

    protected CatalogueFixture fixture() {
        return new CatalogueFixture(jdbc, dataSource, elastic);
    }
}
