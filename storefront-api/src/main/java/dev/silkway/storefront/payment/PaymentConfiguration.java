package dev.silkway.storefront.payment;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
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
        return JobBuilder.newJob(PollingJob.class)
                .withIdentity(POLLING_JOB)
                .withDescription("Starts refunds of orders cancelled after payment, resends and follows refunds")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger paymentPollingTrigger(JobDetail paymentPollingJob, PaymentsProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(paymentPollingJob)
                .withIdentity(POLLING_JOB)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.pollInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail paymentReconciliationJob() {
        return JobBuilder.newJob(ReconciliationJob.class)
                .withIdentity(RECONCILIATION_JOB)
                .withDescription("Compares each provider's payments with ours")
                .storeDurably()
                .build();
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
