package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueWriter;
import dev.silkway.ingestion.catalogue.Quarantine;
import dev.silkway.ingestion.catalogue.StepStats;
import dev.silkway.ingestion.feed.FeedSource;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The {@code normalize} step's writer: a chunk of parsed records ({@link NormalizeReader}) in one transaction —
 * accepted offers through the bulk merge, rejected ones into the quarantine — and the chunk's read / written /
 * unchanged / quarantined counts added to {@code ingestion_step_stats} and the step's ExecutionContext.
 */
class NormalizeWriter implements ItemWriter<ParsedItem>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(NormalizeWriter.class);

    static final String WRITTEN = "normalize.written";
    static final String UNCHANGED = "normalize.unchanged";
    static final String QUARANTINED = "normalize.quarantined";

    private final FeedSource feed;
    private final CatalogueWriter catalogue;
    private final Quarantine quarantine;
    private final StepStats stats;
    private final FetchRuns runs;
    private final long runId;
    private final long vacuumAfterWritten;
    private @Nullable StepExecution step;

    NormalizeWriter(
            FeedSource feed,
            CatalogueWriter catalogue,
            Quarantine quarantine,
            StepStats stats,
            FetchRuns runs,
            long runId,
            long vacuumAfterWritten) {
        this.feed = feed;
        this.catalogue = catalogue;
        this.quarantine = quarantine;
        this.stats = stats;
        this.runs = runs;
        this.runId = runId;
        this.vacuumAfterWritten = vacuumAfterWritten;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution;
    }

    /**
     * A step that wrote many products (a first load, a large price drift) vacuums the catalogue tables before the
     * job goes on (see {@link CatalogueWriter#tidyAfterBulk()}); a failed VACUUM is logged and changes nothing else.
     */
    @Override
    public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getExecutionContext().getLong(WRITTEN, 0) >= vacuumAfterWritten) {
            try {
                catalogue.tidyAfterBulk();
            } catch (RuntimeException e) {
                log.warn("Could not vacuum the catalogue tables after {}: {}", feed.code(), e.toString());
            }
        }
        return null;
    }

    @Override
    public void write(Chunk<? extends ParsedItem> chunk) {
        long executionId = step.getJobExecutionId();
        List<CatalogueOffer> offers = new ArrayList<>();
        List<Quarantine.Rejection> rejections = new ArrayList<>();
        for (ParsedItem item : chunk) {
            switch (item.parsed()) {
                case ParseOutcome.Accepted<CatalogueOffer> a -> offers.add(a.offer());
                case ParseOutcome.Rejected<CatalogueOffer> r -> rejections.add(rejection(item.raw(), r));
            }
        }
        CatalogueWriter.Result result =
                offers.isEmpty() ? new CatalogueWriter.Result(0, 0) : catalogue.write(feed.code(), offers, executionId);
        quarantine.store(rejections, executionId, step.getStepName());
        stats.add(
                executionId,
                step.getStepName(),
                feed.code(),
                chunk.size(),
                result.written(),
                result.unchanged(),
                rejections.size());
        runs.normalized(runId, chunk.size());
        ExecutionContext context = step.getExecutionContext();
        context.putLong(WRITTEN, context.getLong(WRITTEN, 0) + result.written());
        context.putLong(UNCHANGED, context.getLong(UNCHANGED, 0) + result.unchanged() + duplicatesInChunk(offers));
        context.putLong(QUARANTINED, context.getLong(QUARANTINED, 0) + rejections.size());
    }

    private static int duplicatesInChunk(List<CatalogueOffer> offers) {
        return offers.size()
                - (int) offers.stream()
                        .map(CatalogueOffer::externalId)
                        .distinct()
                        .count();
    }

    private Quarantine.Rejection rejection(RawItem raw, ParseOutcome.Rejected<CatalogueOffer> r) {
        return new Quarantine.Rejection(
                feed.code(),
                raw.record().externalId(),
                raw.record().key(),
                raw.topic(),
                raw.partition(),
                raw.offset(),
                raw.record().json(),
                r.reasonCode(),
                r.detail(),
                r.field());
    }
}
