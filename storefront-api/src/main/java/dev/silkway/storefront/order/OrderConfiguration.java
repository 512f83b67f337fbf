package dev.silkway.storefront.order;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reservation-expiry job and its trigger in the storefront's clustered Quartz scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    static final String EXPIRY_JOB = "order-reservation-expiry";

    @Bean
    JobDetail reservationExpiryJob() {
        return JobBuilder.newJob(ReservationExpiryJob.class)
                .withIdentity(EXPIRY_JOB)
                .withDescription("Cancels unpaid orders past their stock reservation")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger reservationExpiryTrigger(JobDetail reservationExpiryJob, OrderProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(reservationExpiryJob)
                .withIdentity(EXPIRY_JOB)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.expiryInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
