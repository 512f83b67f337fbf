package dev.silkway.ingestion.schedule;

import org.jspecify.annotations.Nullable;

/**
 * One scheduled ingestion job: a feed ({@code ingest-<code>}) or the exchange rates ({@code exchange-rates}), with
 * its declared cron and time zone.
 */
public record ScheduledJob(String name, @Nullable String feed, String cron, String timeZone, boolean enabled) {

    public static final String EXCHANGE_RATES = "exchange-rates";
    static final String FEED_PREFIX = "ingest-";

    public static String nameOfFeed(String feed) {
        return FEED_PREFIX + feed;
    }
}
