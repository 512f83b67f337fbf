package dev.silkway.storefront.fulfilment;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
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
        return JobBuilder.newJob(FulfilmentJob.class)
                .withIdentity(JOB)
                .withDescription("Buys paid orders through the purchasing partner, ships their parcels, closes"
                        + " substitute offers and starts line refunds")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger fulfilmentTrigger(JobDetail fulfilmentJob, FulfilmentProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(fulfilmentJob)
                .withIdentity(JOB)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.stepInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
