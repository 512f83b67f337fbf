package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;

/** The platform throttled us (its own code or HTTP 429): retried after a back-off. */
public final class MarketplaceRateLimited extends MarketplaceException {

    private MarketplaceRateLimited(Marketplace marketplace, String code, String message) {
        super(marketplace, code, message, null);
    }

    public static MarketplaceRateLimited byCode(Marketplace marketplace, String code, String message) {
        return new MarketplaceRateLimited(
                marketplace, code, marketplace.displayName() + " rate limit hit (" + code + "): " + message);
    }

    public static MarketplaceRateLimited httpStatus(Marketplace marketplace) {
        return new MarketplaceRateLimited(
                marketplace, "HTTP 429", marketplace.displayName() + " answered 429 Too Many Requests");
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
