package dev.silkway.tracking.poll;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Declares one clustered Quartz job per carrier API ({@code tracking/poll-<api>}) repeating every
 * cycle; a trigger already stored with the same interval is left as it is.
 */
final class PollTriggers implements ApplicationRunner {

    static final String GROUP = "tracking";

    private final Scheduler scheduler;
    private final CarrierApis apis;
    private final PollProperties properties;

    PollTriggers(Scheduler scheduler, CarrierApis apis, PollProperties properties) {
        this.scheduler = scheduler;
        this.apis = apis;
        this.properties = properties;
    }

    static String jobName(String api) {
        return "poll-" + api;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        for (String api : apis.names()) {
            JobKey job = JobKey.jobKey(jobName(api), GROUP);
            TriggerKey key = TriggerKey.triggerKey(jobName(api), GROUP);
            long interval = properties.cycle().toMillis();
            if (scheduler.getTrigger(key) instanceof org.quartz.SimpleTrigger current
                    && current.getRepeatInterval() == interval) {
                continue;
            }
            JobDetail detail = JobBuilder.newJob(PollJob.class)
                    .withIdentity(job)
                    .usingJobData(PollJob.API, api)
                    .storeDurably()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(job)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval)
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
        }
    }
}
