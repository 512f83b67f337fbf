package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.feed.FeedPage;
import dev.silkway.ingestion.feed.RunBounds;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code fetch} step: one page per call through the feed's Camel route. Before the first page it notes where
 * the raw topic ends (the normalize step reads from there); after each page it stores the next cursor in the step's
 * ExecutionContext, committed with the step, so a restart resumes at the first page not yet completed; after the
 * last page it notes where the topic ends again. Before each page it checks the run's {@link RunBounds}: a feed that
 * still has pages past them fails its run ({@link RunBoundReached}) with its checkpoint kept.
 */
class FetchTasklet implements Tasklet {

    static final String CURSOR = "fetch.cursor";
    static final String RAW_START = "raw.start";
    static final String RAW_END = "raw.end";

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final RawTopic topic;
    private final FetchRuns runs;
    private final String feed;
    private final long runId;
    private final RunBounds bounds;

    FetchTasklet(
            CamelContext camel,
            ProducerTemplate producer,
            RawTopic topic,
            FetchRuns runs,
            String feed,
            long runId,
            RunBounds bounds) {
        this.camel = camel;
        this.producer = producer;
        this.topic = topic;
        this.runs = runs;
        this.feed = feed;
        this.runId = runId;
        this.bounds = bounds;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        if (!context.containsKey(RAW_START)) {
            context.putString(RAW_START, topic.endOffsets());
        }
        FetchRoutes.ensureRoute(camel, feed);
        @Nullable String cursor = context.containsKey(CURSOR) ? context.getString(CURSOR) : null;
        checkBounds();
        FeedPage page = fetch(cursor, step);
        for (int i = 0; i < page.records().size(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(page.records().size());
        runs.fetched(runId, page.nextCursor(), page.records().size());
        if (page.nextCursor() == null || page.records().isEmpty()) {
            context.putString(RAW_END, topic.endOffsets());
            context.remove(CURSOR);
            return RepeatStatus.FINISHED;
        }
        context.putString(CURSOR, page.nextCursor());
        return RepeatStatus.CONTINUABLE;
    }

    /** Fails the run when it has fetched as many pages or published as many records as one run may. */
    private void checkBounds() {
        FetchRuns.Progress done = runs.progress(runId);
        if (done.pages() >= bounds.maxPages()) {
            throw RunBoundReached.pages(feed, bounds);
        }
        if (done.records() >= bounds.maxRecords()) {
            throw RunBoundReached.records(feed, bounds, done.records());
        }
    }

    private FeedPage fetch(@Nullable String cursor, StepExecution step) {
        Map<String, Object> headers = new java.util.HashMap<>();
        headers.put(FetchRoutes.FEED, feed);
        if (cursor != null) {
            headers.put(FetchRoutes.CURSOR, cursor);
        }
        headers.put(RawTopic.RUN_ID, Long.toString(runId));
        headers.put(RawTopic.EXECUTION_ID, Long.toString(step.getJobExecutionId()));
        try {
            return producer.requestBodyAndHeaders("direct:fetch-" + feed, null, headers, FeedPage.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
