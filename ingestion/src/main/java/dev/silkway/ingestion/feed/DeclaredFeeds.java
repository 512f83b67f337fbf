package dev.silkway.ingestion.feed;

import java.util.Optional;

/** Feeds an operator declared (generic JSON), looked up by code; implemented by the {@code generic} package. */
public interface DeclaredFeeds {

    Optional<FeedSource> find(String code);
}
