package dev.silkway.ingestion.generic;

import dev.silkway.ingestion.feed.DeclaredFeeds;
import dev.silkway.ingestion.feed.FeedSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The generic-JSON feeds operators declared, built from {@code marketplaces.feed_definition}. */
@Component
class GenericFeeds implements DeclaredFeeds {

    @Override
    public Optional<FeedSource> find(String code) {
        return Optional.empty();
    }
}
