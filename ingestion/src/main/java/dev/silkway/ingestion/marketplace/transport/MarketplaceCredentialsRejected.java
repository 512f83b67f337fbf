package dev.silkway.ingestion.marketplace.transport;

import dev.silkway.ingestion.marketplace.common.Marketplace;

/**
 * The platform refused the app key, the secret/signature, the session/token or the timestamp. Never retried: the
 * run fails with {@link #getMessage()}, which tells the operator which setting to fix.
 */
public final class MarketplaceCredentialsRejected extends MarketplaceException {

    private MarketplaceCredentialsRejected(Marketplace marketplace, String code, String message) {
        super(marketplace, code, message, null);
    }

    public static MarketplaceCredentialsRejected signature(Marketplace marketplace, String code, String message) {
        return of(marketplace, code, message, "the signature was refused: check app-secret and sign-method");
    }

    public static MarketplaceCredentialsRejected appKey(Marketplace marketplace, String code, String message) {
        return of(marketplace, code, message, "the app key is unknown or disabled: check app-key");
    }

    public static MarketplaceCredentialsRejected session(Marketplace marketplace, String code, String message) {
        return of(marketplace, code, message, "the session/access token is invalid or expired: renew access-token");
    }

    public static MarketplaceCredentialsRejected timestamp(Marketplace marketplace, String code, String message) {
        return of(marketplace, code, message, "the timestamp was refused: check the server clock and time zone");
    }

    private static MarketplaceCredentialsRejected of(Marketplace m, String code, String message, String hint) {
        String prefix = "silkway.marketplaces." + m.code().replace("1688", "alibaba1688");
        return new MarketplaceCredentialsRejected(
                m,
                code,
                "%s rejected our credentials (%s %s) — %s (%s.*); the run stops, retrying cannot help"
                        .formatted(m.displayName(), code, message, hint, prefix));
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
