package dev.silkway.storefront.order;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The clustered Quartz job around {@link ReservationExpiry} (one run at a time across instances). */
@DisallowConcurrentExecution
class ReservationExpiryJob implements Job {

    private final ReservationExpiry expiry;

    ReservationExpiryJob(ReservationExpiry expiry) {
        this.expiry = expiry;
    }

    @Override
    public void execute(JobExecutionContext context) {
        expiry.cancelExpired();
    }
}
