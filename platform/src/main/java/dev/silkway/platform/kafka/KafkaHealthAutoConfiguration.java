package dev.silkway.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Adds the {@code kafka} health component to every application that talks to Kafka. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({Admin.class, HealthIndicator.class})
@ConditionalOnBean(KafkaAdmin.class)
public class KafkaHealthAutoConfiguration {

    private static final int TIMEOUT_MILLIS = 3000;

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "kafkaHealthAdmin")
    Admin kafkaHealthAdmin(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        return Admin.create(config);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
        return new KafkaHealthIndicator(kafkaHealthAdmin, TIMEOUT_MILLIS);
    }
}
