package dev.silkway.storefront.fulfilment;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The clustered Quartz job around {@link PurchasingStep} (one run at a time across instances). */
@DisallowConcurrentExecution
class FulfilmentJob implements Job {

    private final PurchasingStep step;

    FulfilmentJob(PurchasingStep step) {
        this.step = step;
    }

    @Override
    public void execute(JobExecutionContext context) {
        step.run();
    }
}
