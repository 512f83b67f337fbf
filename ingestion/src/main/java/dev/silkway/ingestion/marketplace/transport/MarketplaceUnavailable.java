package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;

/** 5xx, a timeout, a broken connection or a platform "system error": worth another try after a back-off. */
public final class MarketplaceUnavailable extends MarketplaceException {

    private MarketplaceUnavailable(Marketplace marketplace, String code, String message, Throwable cause) {
        super(marketplace, code, message, cause);
    }

    public static MarketplaceUnavailable serverError(Marketplace marketplace, int status) {
        return new MarketplaceUnavailable(
                marketplace, "HTTP " + status, marketplace.displayName() + " answered HTTP " + status, null);
    }

    public static MarketplaceUnavailable io(Marketplace marketplace, Exception cause) {
        return new MarketplaceUnavailable(
                marketplace,
                cause.getClass().getSimpleName(),
                marketplace.displayName() + " did not answer in time or dropped the connection",
                cause);
    }

    public static MarketplaceUnavailable systemError(Marketplace marketplace, String code, String message) {
        return new MarketplaceUnavailable(
                marketplace, code, marketplace.displayName() + " system error " + code + ": " + message, null);
    }

    public static MarketplaceUnavailable malformedResponse(Marketplace marketplace, String what) {
        return new MarketplaceUnavailable(
                marketplace, "malformed", marketplace.displayName() + " sent a malformed response: " + what, null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
