package dev.silkway.storefront.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.silkway.elastic.product.ProductIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogueProperties.class)
class CatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

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
