package dev.silkway.ingestion.marketplace.common;

import java.util.List;

/**
 * The ids to ingest for a platform without a listing API (1688 product IDs, Poizon article numbers): a slice per
 * page. {@link #total()} is -1 when unknown.
 */
public interface ProductIdFeed {

    List<String> slice(long offset, int limit);

    long total();

    static ProductIdFeed declared(List<String> ids) {
        List<String> copy = List.copyOf(ids);
        return new ProductIdFeed() {
            @Override
            public List<String> slice(long offset, int limit) {
                if (offset >= copy.size()) {
                    return List.of();
                }
                return copy.subList((int) offset, (int) Math.min(copy.size(), offset + limit));
            }

            @Override
            public long total() {
                return copy.size();
            }
        };
    }
}
