package dev.silkway.storefront.scheduling;

import java.time.Duration;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * A job of the storefront's clustered scheduler and the trigger that repeats it: the job is stored durably under its
 * name, the trigger shares that name and, after a misfire (every instance down), fires at the next interval rather
 * than catching up on the runs it missed.
 */
public final class ClusteredJobs {

    private ClusteredJobs() {}

    public static JobDetail durable(Class<? extends Job> job, String name, String description) {
        return JobBuilder.newJob(job)
                .withIdentity(name)
                .withDescription(description)
                .storeDurably()
                .build();
    }

    public static Trigger every(JobDetail job, Duration interval) {
        return TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(job.getKey().getName())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
