package dev.silkway.storefront.order;

import dev.silkway.storefront.scheduling.ClusteredJobs;
import org.quartz.JobDetail;
import org.quartz.Trigger;
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
        return ClusteredJobs.durable(
                ReservationExpiryJob.class, EXPIRY_JOB, "Cancels unpaid orders past their stock reservation");
    }

    @Bean
    Trigger reservationExpiryTrigger(JobDetail reservationExpiryJob, OrderProperties properties) {
        return ClusteredJobs.every(reservationExpiryJob, properties.expiryInterval());
    }
}
