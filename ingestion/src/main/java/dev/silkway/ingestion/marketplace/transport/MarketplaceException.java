package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;

/**
 * A failed call to a marketplace. {@link #retryable()} decides whether {@link MarketplaceHttp} tries again:
 * outages and rate limits are retried, rejected credentials and rejected requests are not.
 */
public abstract sealed class MarketplaceException extends RuntimeException
        permits MarketplaceUnavailable,
                MarketplaceRateLimited,
                MarketplaceCredentialsRejected,
                MarketplaceRequestRejected {

    private final Marketplace marketplace;
    private final String platformCode;

    protected MarketplaceException(Marketplace marketplace, String platformCode, String message, Throwable cause) {
        super(message, cause);
        this.marketplace = marketplace;
        this.platformCode = platformCode;
    }

    public Marketplace marketplace() {
        return marketplace;
    }

    /** The platform's own error code ({@code "7"}, {@code "gw.SignatureInvalid"}) or the HTTP status. */
    public String platformCode() {
        return platformCode;
    }

    public abstract boolean retryable();
}
