package dev.silkway.storefront.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import dev.silkway.elastic.product.ProductIndex;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogueProperties.class)
class CatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

    /** The connection pool sized for the searches the storefront sends at once, per node and in all. */
    @Bean
    Rest5ClientBuilderCustomizer searchConnections(CatalogueProperties catalogue, ElasticsearchProperties elastic) {
        int perNode = catalogue.elasticsearchConnections();
        return new Rest5ClientBuilderCustomizer() {
            @Override
            public void customize(Rest5ClientBuilder builder) {}

            @Override
            public void customize(PoolingAsyncClientConnectionManagerBuilder connections) {
                connections
                        .setMaxConnPerRoute(perNode)
                        .setMaxConnTotal(perNode * Math.max(1, elastic.getUris().size()));
            }
        };
    }

    /** Search answers (empty) before the indexer's first start; Elasticsearch being down does not stop the storefront. */
    @Bean
    ApplicationRunner productIndexReady(ElasticsearchClient client) {
        return args -> {
            try {
                new ProductIndex(client).createIfMissing();
            } catch (Exception e) {
                log.warn("Could not check the product index now: {}", e.toString());
            }
        };
    }
}
