package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;

/** The platform refused the request itself (missing/invalid arguments, business error): not retried. */
public final class MarketplaceRequestRejected extends MarketplaceException {

    private MarketplaceRequestRejected(Marketplace marketplace, String code, String message) {
        super(marketplace, code, message, null);
    }

    public static MarketplaceRequestRejected byCode(Marketplace marketplace, String code, String message) {
        return new MarketplaceRequestRejected(
                marketplace, code, marketplace.displayName() + " rejected the request (" + code + "): " + message);
    }

    public static MarketplaceRequestRejected unexpectedStatus(Marketplace marketplace, int status) {
        return new MarketplaceRequestRejected(
                marketplace, "HTTP " + status, marketplace.displayName() + " answered HTTP " + status);
    }

    /** The answer was refused before it was read: too large, or a redirect (never followed). */
    public static MarketplaceRequestRejected refused(Marketplace marketplace, RuntimeException why) {
        return new MarketplaceRequestRejected(
                marketplace, "refused", marketplace.displayName() + ": " + why.getMessage());
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
