package dev.silkway.storefront.payment;

import dev.silkway.storefront.scheduling.ClusteredJobs;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payments' clustered Quartz jobs: polling (refunds) and the daily reconciliation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
class PaymentConfiguration {

    static final String POLLING_JOB = "payment-polling";
    static final String RECONCILIATION_JOB = "payment-reconciliation";

    @Bean
    JobDetail paymentPollingJob() {
        return ClusteredJobs.durable(
                PollingJob.class,
                POLLING_JOB,
                "Starts refunds of orders cancelled after payment, resends and follows refunds");
    }

    @Bean
    Trigger paymentPollingTrigger(JobDetail paymentPollingJob, PaymentsProperties properties) {
        return ClusteredJobs.every(paymentPollingJob, properties.pollInterval());
    }

    @Bean
    JobDetail paymentReconciliationJob() {
        return ClusteredJobs.durable(
                ReconciliationJob.class, RECONCILIATION_JOB, "Compares each provider's payments with ours");
    }

    @Bean
    Trigger paymentReconciliationTrigger(JobDetail paymentReconciliationJob, PaymentsProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(paymentReconciliationJob)
                .withIdentity(RECONCILIATION_JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.reconciliationCron())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @DisallowConcurrentExecution
    static class PollingJob implements Job {

        private final PaymentPolling polling;

        PollingJob(PaymentPolling polling) {
            this.polling = polling;
        }

        @Override
        public void execute(JobExecutionContext context) {
            polling.poll();
        }
    }

    @DisallowConcurrentExecution
    static class ReconciliationJob implements Job {

        private final Reconciliation reconciliation;

        ReconciliationJob(Reconciliation reconciliation) {
            this.reconciliation = reconciliation;
        }

        @Override
        public void execute(JobExecutionContext context) {
            reconciliation.run();
        }
    }
}
