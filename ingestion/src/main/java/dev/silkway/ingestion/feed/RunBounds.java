package dev.silkway.ingestion.feed;

/**
 * How far one run of a feed may go: at most {@code maxPages} pages and {@code maxRecords} records. A feed that still
 * has pages past either bound ends its run FAILED with the reason, its checkpoint kept, instead of paging forever.
 */
public record RunBounds(int maxPages, long maxRecords) {

    public RunBounds {
        if (maxPages < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("max-pages and max-records must be positive");
        }
    }
}
