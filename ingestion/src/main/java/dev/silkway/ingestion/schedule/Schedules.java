package dev.silkway.ingestion.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declared schedules (the source of truth: {@code marketplaces.schedule} for feeds,
 * {@code ingestion_job_schedules} for the rest) and their Quartz triggers in the clustered JDBC store. A change
 * through the ops API updates the declaration and reschedules the trigger at once, cluster-wide, without a restart.
 */
@Component
public class Schedules {

    static final String GROUP = "ingestion";

    private final JdbcTemplate jdbc;
    private final Scheduler scheduler;

    Schedules(JdbcTemplate jdbc, Scheduler scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    public List<ScheduledJob> declared() {
        List<ScheduledJob> jobs = new ArrayList<>(jdbc.query(
                "SELECT code, schedule, schedule_time_zone, enabled FROM marketplaces ORDER BY code",
                (rs, i) -> new ScheduledJob(
                        ScheduledJob.nameOfFeed(rs.getString(1)),
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4))));
        jobs.addAll(jdbc.query(
                "SELECT job_name, schedule, time_zone, enabled FROM ingestion_job_schedules ORDER BY job_name",
                (rs, i) ->
                        new ScheduledJob(rs.getString(1), null, rs.getString(2), rs.getString(3), rs.getBoolean(4))));
        return jobs;
    }

    public Optional<ScheduledJob> find(String name) {
        return declared().stream().filter(j -> j.name().equals(name)).findFirst();
    }

    /** Brings every Quartz trigger in line with the declarations. */
    public void synchronize() {
        for (ScheduledJob job : declared()) {
            apply(job);
        }
    }

    public void apply(ScheduledJob job) {
        try {
            JobKey key = JobKey.jobKey(job.name(), GROUP);
            if (!job.enabled()) {
                scheduler.deleteJob(key);
                return;
            }
            JobDetail detail = JobBuilder.newJob(IngestionQuartzJob.class)
                    .withIdentity(key)
                    .usingJobData(IngestionQuartzJob.FEED, job.feed() == null ? "" : job.feed())
                    .storeDurably()
                    .requestRecovery()
                    .build();
            CronTrigger current = (CronTrigger) scheduler.getTrigger(triggerKey(job.name()));
            if (current != null
                    && current.getCronExpression().equals(job.cron())
                    && current.getTimeZone().getID().equals(job.timeZone())) {
                return;
            }
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(triggerKey(job.name()))
                    .forJob(key)
                    .withSchedule(CronScheduleBuilder.cronSchedule(job.cron())
                            .inTimeZone(TimeZone.getTimeZone(job.timeZone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule " + job.name(), e);
        }
    }

    /** Changes a job's cron; false if there is no such job. */
    @Transactional
    public boolean reschedule(String name, String cron) {
        int updated = name.startsWith(ScheduledJob.FEED_PREFIX)
                ? jdbc.update(
                        "UPDATE marketplaces SET schedule = ?, updated_at = now(), version = version + 1 WHERE code = ?",
                        cron,
                        name.substring(ScheduledJob.FEED_PREFIX.length()))
                : jdbc.update(
                        "UPDATE ingestion_job_schedules SET schedule = ?, updated_at = now() WHERE job_name = ?",
                        cron,
                        name);
        if (updated == 0) {
            return false;
        }
        find(name).ifPresent(this::apply);
        return true;
    }

    public @Nullable Instant nextFireTime(String name) {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey(name));
            Date next = trigger == null ? null : trigger.getNextFireTime();
            return next == null ? null : next.toInstant();
        } catch (SchedulerException e) {
            return null;
        }
    }

    private static TriggerKey triggerKey(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }
}
