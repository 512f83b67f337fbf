package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.catalogue.CatalogueWriter;
import dev.silkway.ingestion.catalogue.Quarantine;
import dev.silkway.ingestion.catalogue.StepStats;
import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.ingestion.feed.Feeds;
import dev.silkway.ingestion.feed.RunBounds;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code marketplaceIngestJob} (parameters {@code feed}, {@code runId}): {@code fetch} pages through the feed into
 * the raw topic, {@code normalize} reads the run's records back and merges them into the catalogue, {@code translate}
 * (package {@code translate}) then gives the feed's products their Russian titles. The steps checkpoint in their
 * ExecutionContext, so {@code JobOperator.restart} resumes a failed or crashed run.
 */
@Configuration(proxyBeanMethods = false)
class MarketplaceIngestJobConfiguration {

    static final String JOB = "marketplaceIngestJob";

    @Bean
    Job marketplaceIngestJob(
            JobRepository repository, Step fetchStep, Step normalizeStep, Step translateStep, RunListener runs) {
        return new JobBuilder(JOB, repository)
                .start(fetchStep)
                .next(normalizeStep)
                .next(translateStep)
                .listener(runs)
                .build();
    }

    @Bean
    Step fetchStep(JobRepository repository, PlatformTransactionManager transactions, FetchTasklet fetchTasklet) {
        ExecutionContextPromotionListener promote = new ExecutionContextPromotionListener();
        promote.setKeys(new String[] {FetchTasklet.RAW_START, FetchTasklet.RAW_END});
        return new StepBuilder("fetch", repository)
                .tasklet(fetchTasklet, transactions)
                .listener(promote)
                .build();
    }

    @Bean
    Step normalizeStep(
            JobRepository repository,
            PlatformTransactionManager transactions,
            ChunkLimit chunkLimit,
            NormalizeReader normalizeReader,
            NormalizeWriter normalizeWriter) {
        return new StepBuilder("normalize", repository)
                .<ParsedItem, ParsedItem>chunk(chunkLimit, transactions)
                .reader(normalizeReader)
                .writer(normalizeWriter)
                .listener(normalizeWriter)
                .build();
    }

    @Bean
    @StepScope
    FetchTasklet fetchTasklet(
            CamelContext camel,
            ProducerTemplate producer,
            RawTopic topic,
            FetchRuns runs,
            Feeds feeds,
            IngestionProperties properties,
            @Value("#{jobParameters['feed']}") String feed,
            @Value("#{jobParameters['runId']}") Long runId) {
        RunBounds bounds = feeds.require(feed)
                .runBounds()
                .orElse(new RunBounds(
                        properties.bounds().maxPages(), properties.bounds().maxRecords()));
        return new FetchTasklet(camel, producer, topic, runs, feed, runId, bounds);
    }

    /** Reads the run's raw records and parses them up to a chunk ahead of the writer. */
    @Bean
    @StepScope
    NormalizeReader normalizeReader(
            RawTopic topic,
            Feeds feeds,
            IngestionProperties properties,
            @Value("#{jobParameters['feed']}") String feed,
            @Value("#{jobParameters['runId']}") Long runId,
            @Value("#{jobExecutionContext['raw.start']}") String rawStart,
            @Value("#{jobExecutionContext['raw.end']}") String rawEnd) {
        return new NormalizeReader(
                new RawRecordReader(topic, feed, runId, rawStart, rawEnd),
                feeds.require(feed),
                runId,
                properties.chunkSize(),
                properties.chunkMaxChars(),
                RecordBounds.of(properties.bounds()));
    }

    @Bean
    @StepScope
    ChunkLimit chunkLimit(IngestionProperties properties, NormalizeReader normalizeReader) {
        return new ChunkLimit(properties.chunkSize(), properties.chunkMaxChars(), normalizeReader);
    }

    @Bean
    @StepScope
    NormalizeWriter normalizeWriter(
            Feeds feeds,
            CatalogueWriter catalogue,
            Quarantine quarantine,
            StepStats stats,
            FetchRuns runs,
            IngestionProperties properties,
            @Value("#{jobParameters['feed']}") String feed,
            @Value("#{jobParameters['runId']}") Long runId) {
        return new NormalizeWriter(
                feeds.require(feed), catalogue, quarantine, stats, runs, runId, properties.vacuumAfterWritten());
    }
}
