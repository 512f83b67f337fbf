package dev.silkway.ingestion.feed;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueOffers;
import dev.silkway.ingestion.marketplace.common.MarketplaceClient;
import dev.silkway.ingestion.marketplace.common.Page;
import dev.silkway.ingestion.marketplace.common.PageRequest;
import dev.silkway.ingestion.marketplace.offer.Offer;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.RawOffer;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import dev.silkway.ingestion.marketplace.transport.TransportSettings;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A built-in connector as a {@link FeedSource}: the cursor is the page number. */
public final class MarketplaceFeed implements FeedSource {

    private final MarketplaceClient client;
    private final int pageSize;
    private final RunBounds bounds;

    public MarketplaceFeed(MarketplaceClient client, int pageSize, TransportSettings transport) {
        this.client = client;
        this.pageSize = pageSize;
        this.bounds = new RunBounds(transport.maxPages(), transport.maxRecords());
    }

    @Override
    public String code() {
        return client.marketplace().code();
    }

    @Override
    public Optional<RunBounds> runBounds() {
        return Optional.of(bounds);
    }

    public MarketplaceClient client() {
        return client;
    }

    @Override
    public FeedPage fetch(@Nullable String cursor) {
        int number = cursor == null ? 1 : Integer.parseInt(cursor);
        Page page = client.fetchPage(new PageRequest(number, pageSize));
        List<RawRecord> records = page.offers().stream()
                .map(o -> new RawRecord(code(), o.externalId(), o.rawJson(), o.page(), o.position()))
                .toList();
        return new FeedPage(records, page.hasNext() ? Integer.toString(number + 1) : null);
    }

    @Override
    public ParseOutcome<CatalogueOffer> parse(RawRecord raw) {
        ParseOutcome<Offer> outcome = client.parser()
                .parse(new RawOffer(client.marketplace(), raw.externalId(), raw.json(), raw.page(), raw.position()));
        return switch (outcome) {
            case ParseOutcome.Rejected<Offer> r -> r.carried();
            case ParseOutcome.Accepted<Offer> a -> {
                try {
                    yield new ParseOutcome.Accepted<>(CatalogueOffers.of(OfferMapping.draft(code(), a.offer())));
                } catch (CatalogueOffers.InvalidOffer e) {
                    yield new ParseOutcome.Rejected<>(RejectionReason.INVALID_VALUE, e.field(), e.getMessage());
                }
            }
        };
    }
}
