package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.config.FeedBounds;
import dev.silkway.ingestion.feed.JsonShape;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import org.jspecify.annotations.Nullable;

/**
 * The bounds of one raw record, checked before its feed maps it: its length in characters, how deep it nests, and
 * the longest array (or object) in it. A record past one is quarantined with the reason; the others go on.
 */
record RecordBounds(int maxChars, int maxDepth, int maxArrayLength) {

    static RecordBounds of(FeedBounds bounds) {
        return new RecordBounds(bounds.recordMaxChars(), bounds.recordMaxDepth(), bounds.recordMaxArrayLength());
    }

    /** Whether a record of {@code chars} characters is published at all (a longer one is not: see {@link #refuse}). */
    boolean publishable(long chars) {
        return chars <= maxChars;
    }

    /** The rejection of {@code json}, or {@code null} when it is within every bound. */
    ParseOutcome.@Nullable Rejected<CatalogueOffer> refuse(String json) {
        return refuse(json, json.length());
    }

    /** The same for a record whose JSON had {@code chars} characters as the feed gave it. */
    ParseOutcome.@Nullable Rejected<CatalogueOffer> refuse(String json, long chars) {
        if (!publishable(chars)) {
            return rejected(
                    RejectionReason.RECORD_TOO_LARGE, "the record has " + chars + " characters, more than " + maxChars);
        }
        JsonShape shape = JsonShape.of(json);
        if (shape.depth() > maxDepth) {
            return rejected(
                    RejectionReason.NESTED_TOO_DEEP,
                    "the record nests " + shape.depth() + " levels deep, more than " + maxDepth);
        }
        if (shape.widest() > maxArrayLength) {
            return rejected(
                    RejectionReason.ARRAY_TOO_LONG,
                    "an array or object of the record has " + shape.widest() + " elements, more than "
                            + maxArrayLength);
        }
        return null;
    }

    private static ParseOutcome.Rejected<CatalogueOffer> rejected(RejectionReason reason, String detail) {
        return new ParseOutcome.Rejected<>(reason, "$", detail);
    }
}
