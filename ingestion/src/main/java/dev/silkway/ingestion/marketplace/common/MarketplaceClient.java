package dev.silkway.ingestion.marketplace.common;

import dev.silkway.ingestion.marketplace.offer.Offer;
import dev.silkway.ingestion.marketplace.offer.OfferParser;

/**
 * A connector to one marketplace: signs, rate-limits and retries its requests and yields raw items page by page.
 * A Camel route pages through any of them with {@code fetchPage(first) ... while hasNext}.
 *
 * @throws MarketplaceException from {@link #fetchPage}: retryable ones only after the retries are exhausted;
 *     {@link MarketplaceCredentialsRejected} at once (the run must fail with its operator message).
 */
public interface MarketplaceClient {

    Marketplace marketplace();

    Page fetchPage(PageRequest request);

    /** Maps one raw item onto an {@link Offer} or a rejection; never throws. */
    OfferParser parser();
}
