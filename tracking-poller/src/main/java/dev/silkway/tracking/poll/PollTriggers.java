package dev.silkway.tracking.poll;

import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Declares one clustered Quartz job per carrier API ({@code tracking/poll-<api>}): on the cron an admin set
 * through the ops API ({@link JobSettings}, UTC), else repeating every cycle. At start the stored settings are
 * applied, not reverted; afterwards {@link #follow} applies their changes. A trigger already stored as wanted is
 * left as it is.
 */
final class PollTriggers implements ApplicationRunner {

    static final String GROUP = "tracking";
    private static final Logger log = LoggerFactory.getLogger(PollTriggers.class);

    private final Scheduler scheduler;
    private final CarrierApis apis;
    private final PollProperties properties;
    private final JobSettings settings;
    private @Nullable Map<String, String> followed;

    PollTriggers(Scheduler scheduler, CarrierApis apis, PollProperties properties, JobSettings settings) {
        this.scheduler = scheduler;
        this.apis = apis;
        this.properties = properties;
        this.settings = settings;
    }

    static String jobName(String api) {
        return "poll-" + api;
    }

    @Override
    public void run(ApplicationArguments args) {
        follow(settings.crons());
    }

    /** Brings every API's trigger in line with {@code crons} (by API; none: the interval) unless they are so already. */
    synchronized void follow(Map<String, String> crons) {
        if (crons.equals(followed)) {
            return;
        }
        boolean applied = true;
        for (String api : apis.names()) {
            try {
                apply(api, crons.get(api));
            } catch (SchedulerException e) {
                applied = false; // tried again on the next call
                log.warn("Trigger of poll-{} not changed to {}: {}", api, crons.get(api), e.toString());
            } catch (RuntimeException e) {
                // A cron Quartz refuses (the ops API validates it) leaves the trigger as it was.
                log.warn("Trigger of poll-{} not changed to {}: {}", api, crons.get(api), e.toString());
            }
        }
        if (applied) {
            followed = Map.copyOf(crons);
        }
    }

    private void apply(String api, @Nullable String cron) throws SchedulerException {
        JobKey job = JobKey.jobKey(jobName(api), GROUP);
        TriggerKey key = TriggerKey.triggerKey(jobName(api), GROUP);
        long interval = properties.cycle().toMillis();
        Trigger current = scheduler.getTrigger(key);
        if (cron == null
                ? current instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval
                : current instanceof CronTrigger onCron
                        && onCron.getCronExpression().equals(cron)) {
            return;
        }
        ScheduleBuilder<? extends Trigger> schedule = cron == null
                ? SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval)
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount()
                : CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionDoNothing();
        JobDetail detail = JobBuilder.newJob(PollJob.class)
                .withIdentity(job)
                .usingJobData(PollJob.API, api)
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(job)
                .withSchedule(schedule)
                .build();
        if (current != null && (cron == null) != (current instanceof SimpleTrigger)) {
            // Replaced in place, a trigger of another type would keep its old type's row (Quartz updates, not inserts).
            scheduler.unscheduleJob(key);
        }
        scheduler.scheduleJob(detail, Set.of(trigger), true);
        if (current != null) {
            log.info("Trigger of poll-{} now {}", api, cron == null ? "every " + properties.cycle() : cron);
        }
    }
}
