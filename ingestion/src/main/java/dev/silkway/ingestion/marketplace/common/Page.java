package dev.silkway.ingestion.marketplace.common;

import dev.silkway.ingestion.marketplace.offer.RawOffer;
import java.util.List;

/**
 * What one {@link MarketplaceClient#fetchPage} call yields. {@code totalResults} is what the platform reports, or -1
 * when it reports nothing; {@code hasNext} says whether the route should ask for {@link PageRequest#next()}.
 */
public record Page(
        Marketplace marketplace, PageRequest request, List<RawOffer> offers, long totalResults, boolean hasNext) {

    public Page {
        offers = List.copyOf(offers);
    }

    public static Page of(Marketplace marketplace, PageRequest request, List<RawOffer> offers, long total) {
        boolean more = !offers.isEmpty() && (total < 0 || request.offset() + request.size() < total);
        return new Page(marketplace, request, offers, total, more);
    }
}
