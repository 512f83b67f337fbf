package dev.silkway.indexer.reindex;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A full reindex and how far it got. */
public record ReindexRun(
        long id,
        String alias,
        String targetIndex,
        String status,
        @Nullable Long totalProducts,
        long indexedCount,
        long failedCount,
        @Nullable Long lastProductId,
        @Nullable String errorMessage,
        Instant startedAt,
        Instant heartbeatAt,
        @Nullable Instant finishedAt) {

    /** Percent done, 0..100; 100 once swapped. */
    public int progressPercent() {
        if ("SWAPPED".equals(status)) {
            return 100;
        }
        if (totalProducts == null || totalProducts == 0) {
            return 0;
        }
        return (int) Math.min(99, indexedCount * 100 / totalProducts);
    }
}
