package dev.silkway.ingestion.feed;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One feed the pipeline ingests: a built-in marketplace connector ({@link MarketplaceFeed}) or a declarative
 * generic-JSON feed. The pipeline only ever talks to this interface, so an operator's feed is ingested exactly like
 * a built-in one.
 */
public interface FeedSource {

    String code();

    /** Fetches the page at {@code cursor} ({@code null}: the first page). */
    FeedPage fetch(@Nullable String cursor);

    /** How far one run of this feed may go; empty: the defaults ({@code silkway.ingestion.bounds.*}). */
    default Optional<RunBounds> runBounds() {
        return Optional.empty();
    }

    /** Parses one raw record; never throws. */
    ParseOutcome<CatalogueOffer> parse(RawRecord raw);
}
