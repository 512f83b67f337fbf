package dev.silkway.ingestion.schedule;

import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.ingestion.pipeline.IngestionRuns;
import dev.silkway.ingestion.rates.ExchangeRatesJob;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start: brings the Quartz triggers in line with the declared schedules, then ingests every enabled feed and
 * the exchange rates once when they are due — never run, or their last run is older than their schedule's last
 * fire time. Another instance that starts later finds the fresh runs and skips them.
 */
@Component
class StartupIngest implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupIngest.class);

    private final Schedules schedules;
    private final IngestionRuns runs;
    private final ExchangeRatesJob rates;
    private final JdbcTemplate jdbc;
    private final IngestionProperties properties;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    StartupIngest(
            Schedules schedules,
            IngestionRuns runs,
            ExchangeRatesJob rates,
            JdbcTemplate jdbc,
            IngestionProperties properties) {
        this.schedules = schedules;
        this.runs = runs;
        this.rates = rates;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        schedules.synchronize();
        if (!properties.ingestOnStartup()) {
            return;
        }
        for (ScheduledJob job : schedules.declared()) {
            if (!job.enabled()) {
                continue;
            }
            if (job.feed() != null) {
                Instant last = lastFeedRun(job.feed());
                if (due(job, last)) {
                    log.info("{}: ingesting at start (last run {})", job.feed(), last);
                    runs.start(job.feed(), "STARTUP");
                }
            } else if (ScheduledJob.EXCHANGE_RATES.equals(job.name()) && due(job, lastRatesRun())) {
                executor.submit(() -> {
                    try {
                        rates.runAndWait("STARTUP");
                    } catch (RuntimeException e) {
                        log.warn("Exchange rates at start failed: {}", e.getMessage());
                    }
                });
            }
        }
    }

    private @Nullable Instant lastFeedRun(String feed) {
        return instant(jdbc.query(
                "SELECT max(started_at) FROM ingestion_fetch_runs WHERE marketplace_code = ?"
                        + " AND status IN ('RUNNING', 'COMPLETED')",
                rs -> rs.next() ? rs.getTimestamp(1) : null,
                feed));
    }

    private @Nullable Instant lastRatesRun() {
        return instant(jdbc.query(
                "SELECT max(e.start_time) FROM batch_job_execution e JOIN batch_job_instance i"
                        + " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'exchangeRatesJob'"
                        + " AND e.status = 'COMPLETED'",
                rs -> rs.next() ? rs.getTimestamp(1) : null));
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static boolean due(ScheduledJob job, @Nullable Instant lastRun) {
        if (lastRun == null) {
            return true;
        }
        try {
            CronExpression cron = new CronExpression(job.cron());
            cron.setTimeZone(TimeZone.getTimeZone(job.timeZone()));
            Date next = cron.getNextValidTimeAfter(Date.from(lastRun));
            return next != null && !next.toInstant().isAfter(Instant.now());
        } catch (ParseException e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
