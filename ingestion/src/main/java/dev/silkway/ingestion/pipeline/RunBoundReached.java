package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.feed.RunBounds;

/**
 * A feed still had pages when its run reached one of its {@link RunBounds}: the run fails with this message, its
 * checkpoint kept (a restart goes on from there once the bound is raised), instead of paging on without end.
 */
final class RunBoundReached extends RuntimeException {

    private RunBoundReached(String message) {
        super(message);
    }

    static RunBoundReached pages(String feed, RunBounds bounds) {
        return new RunBoundReached(feed + ": still more pages after " + bounds.maxPages()
                + " pages, the most one run may fetch (max-pages); the run stops, its checkpoint kept");
    }

    static RunBoundReached records(String feed, RunBounds bounds, long records) {
        return new RunBoundReached(feed + ": still more pages after " + records + " records, past the "
                + bounds.maxRecords() + " one run may publish (max-records); the run stops, its checkpoint kept");
    }
}
