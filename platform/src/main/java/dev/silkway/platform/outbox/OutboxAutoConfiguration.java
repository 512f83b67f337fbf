package dev.silkway.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** The transactional outbox and its relay to Kafka, in every application with a database and Kafka. */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean({JdbcClient.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcClient jdbc, ObjectMapper json) {
        return new Outbox(jdbc, json);
    }

    @Bean
    @ConditionalOnProperty(name = "silkway.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            ObjectMapper json,
            MeterRegistry meters) {
        return new OutboxRelay(jdbc, transactions, kafka, properties, json, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "silkway.outbox.relay-enabled", matchIfMissing = true)
    OutboxRetention outboxRetention(JdbcClient jdbc, OutboxProperties properties) {
        return new OutboxRetention(jdbc, properties);
    }
}
