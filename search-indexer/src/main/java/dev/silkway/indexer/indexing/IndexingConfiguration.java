package dev.silkway.indexer.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.silkway.elastic.product.ProductIndex;
import dev.silkway.elastic.search.ProductDocuments;
import dev.silkway.elastic.search.RatingPrior;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchIndexerProperties.class)
class IndexingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IndexingConfiguration.class);

    @Bean
    ProductDocuments productDocuments(DataSource dataSource, SearchIndexerProperties properties) {
        return new ProductDocuments(
                dataSource, new RatingPrior(properties.ratingPriorWeight(), properties.ratingPriorMean()));
    }

    /** Created at start when missing (a provisioned topic is left as it is). */
    @Bean
    NewTopic productEventsTopic(SearchIndexerProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(3).build();
    }

    @Bean
    ProductIndex productIndex(ElasticsearchClient client) {
        return new ProductIndex(client);
    }

    /**
     * A batch whose bulk keeps failing (Elasticsearch down) is redelivered with growing pauses,
     * forever: its offsets are never committed and no event is skipped.
     */
    @Bean
    DefaultErrorHandler indexingErrorHandler(SearchIndexerProperties properties) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("An unbounded back-off never gives up a record", e);
                },
                backOff);
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return handler;
    }

    /** The index and its alias exist before the first event; Elasticsearch being down delays that, not the start. */
    @Bean
    ApplicationRunner createProductIndex(ProductIndex index) {
        return args -> {
            try {
                if (index.createIfMissing()) {
                    log.info(
                            "Created the product index {} behind the alias {}",
                            ProductIndex.name(),
                            ProductIndex.ALIAS);
                }
            } catch (Exception e) {
                log.warn("Could not create the product index now ({}); the first batch will retry", e.toString());
            }
        };
    }
}
