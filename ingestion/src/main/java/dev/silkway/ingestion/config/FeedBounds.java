package dev.silkway.ingestion.config;

import dev.silkway.platform.outbound.AnswerLimits;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.ingestion.bounds.*}: what one answer of a declared feed or of the CBR may be ({@code answer.max-size},
 * {@code answer.timeout}), how far one run of a declared feed may go ({@code max-pages}, {@code max-records}; a feed
 * may declare lower or higher ones, the built-in marketplaces have theirs in {@code transport}), and what one record
 * of any feed may be before it is mapped ({@code record-max-chars}, {@code record-max-depth},
 * {@code record-max-array-length}): past those it is quarantined. A record longer than {@code record-max-chars} is
 * never published to the raw topic (200,000 characters stay within Kafka's 1 MB message in any UTF-8).
 */
public record FeedBounds(
        @DefaultValue AnswerLimits answer,
        @DefaultValue("100000") int maxPages,
        @DefaultValue("10000000") long maxRecords,
        @DefaultValue("200000") int recordMaxChars,
        @DefaultValue("32") int recordMaxDepth,
        @DefaultValue("10000") int recordMaxArrayLength) {

    public FeedBounds {
        if (maxPages < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("silkway.ingestion.bounds.max-pages and max-records must be positive");
        }
        if (recordMaxChars < 2 || recordMaxDepth < 1 || recordMaxArrayLength < 1) {
            throw new IllegalArgumentException("silkway.ingestion.bounds.record-max-* must be positive");
        }
    }

    public static FeedBounds defaults() {
        return new FeedBounds(AnswerLimits.DEFAULTS, 100_000, 10_000_000, 200_000, 32, 10_000);
    }
}
