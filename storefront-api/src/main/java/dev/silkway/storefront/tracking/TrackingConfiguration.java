package dev.silkway.storefront.tracking;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowProperties.class)
class TrackingConfiguration {

    /** Created at start when missing (a provisioned topic is left as it is). */
    @Bean
    NewTopic shipmentEventsTopic(FollowProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(3).build();
    }
}
