package dev.silkway.indexer.indexing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The search indexer's settings.
 *
 * @param topic the product events topic (the outbox's topic of aggregate type {@code product})
 * @param groupId the Kafka consumer group
 * @param batchSize the most products one bulk request carries (the plain {@code _bulk} side of the
 *     index benchmark uses the same size)
 * @param pollRecords the most events one poll brings ({@code max.poll.records}); they are written in
 *     bulks of {@code batchSize}, each slice read from PostgreSQL while the previous bulk is in flight
 * @param batchWait how long a poll waits for a batch to fill ({@code fetch.max.wait.ms})
 * @param retryInitial the first pause after Elasticsearch answered 429 or was unreachable
 * @param retryMax the longest pause between retries
 * @param retryAttempts retries inside one delivery before the batch is redelivered (never skipped)
 * @param ratingPriorWeight C of the Bayesian rating: how many reviews the prior counts as
 * @param ratingPriorMean m of the Bayesian rating: the rating assumed before any review
 * @param reindexPageSize products read and written per page of a full reindex
 * @param reindexStaleAfter a running reindex without a heartbeat for this long is considered dead
 */
@Validated
@ConfigurationProperties("silkway.search")
public record SearchIndexerProperties(
        @DefaultValue("silkway.products") @NotBlank String topic,
        @DefaultValue("search-indexer") @NotBlank String groupId,
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("5000") @Min(1) @Max(50_000) int pollRecords,
        @DefaultValue("100ms") Duration batchWait,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("30s") Duration retryMax,
        @DefaultValue("5") @Min(0) int retryAttempts,
        @DefaultValue("20") @DecimalMin("0") double ratingPriorWeight,

        @DefaultValue("4.0") @DecimalMin("0") @DecimalMax("5")
        double ratingPriorMean,

        @DefaultValue("1000") @Min(1) @Max(10_000) int reindexPageSize,
        @DefaultValue("5m") Duration reindexStaleAfter) {}
