package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.scheduling.ClusteredJobs;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fulfilment job and its trigger in the storefront's clustered Quartz scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FulfilmentProperties.class)
class FulfilmentConfiguration {

    static final String JOB = "fulfilment-purchasing";

    @Bean
    JobDetail fulfilmentJob() {
        return ClusteredJobs.durable(
                FulfilmentJob.class,
                JOB,
                "Buys paid orders through the purchasing partner, ships their parcels, closes substitute offers and"
                        + " starts line refunds");
    }

    @Bean
    Trigger fulfilmentTrigger(JobDetail fulfilmentJob, FulfilmentProperties properties) {
        return ClusteredJobs.every(fulfilmentJob, properties.stepInterval());
    }
}
