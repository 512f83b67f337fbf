package dev.silkway.ingestion.marketplace.common;

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

    @Override
    public boolean retryable() {
        return false;
    }
}
