package dev.silkway.ingestion.feed;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One fetched page: its records and the cursor of the next page ({@code null} on the last page). */
public record FeedPage(List<RawRecord> records, @Nullable String nextCursor) {

    public FeedPage {
        records = List.copyOf(records);
    }
}
