package dev.silkway.ingestion.schedule;

import dev.silkway.ingestion.pipeline.IngestionRuns;
import dev.silkway.ingestion.rates.ExchangeRatesJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What a Quartz trigger fires: one feed run, or the exchange-rates job. Not concurrent per job across the cluster
 * (the JDBC job store enforces {@code @DisallowConcurrentExecution} cluster-wide); the feed run also claims its
 * database guard, so a manual or startup run racing a scheduled one is skipped, never doubled.
 */
@DisallowConcurrentExecution
class IngestionQuartzJob extends QuartzJobBean {

    static final String FEED = "feed";
    static final String TRIGGER = "trigger";

    private final IngestionRuns runs;
    private final ExchangeRatesJob rates;

    IngestionQuartzJob(IngestionRuns runs, ExchangeRatesJob rates) {
        this.runs = runs;
        this.rates = rates;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String feed = context.getMergedJobDataMap().getString(FEED);
        String trigger = context.getMergedJobDataMap().containsKey(TRIGGER)
                ? context.getMergedJobDataMap().getString(TRIGGER)
                : "SCHEDULE";
        if (feed == null || feed.isEmpty()) {
            rates.runAndWait(trigger);
        } else {
            runs.runAndWait(feed, trigger);
        }
    }
}
