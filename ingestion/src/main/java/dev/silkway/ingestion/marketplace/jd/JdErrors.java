package dev.silkway.ingestion.marketplace.jd;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceException;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRequestRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import tools.jackson.databind.JsonNode;

/** Maps the gateway's {@code error_response{code,zh_desc,en_desc}} and the inner business code onto exceptions. */
final class JdErrors {

    private static final Marketplace JD = Marketplace.JD;

    private final JdProperties properties;

    JdErrors(JdProperties properties) {
        this.properties = properties;
    }

    MarketplaceException gateway(JsonNode error) {
        String code = error.path("code").asString("");
        String message = error.path("en_desc").asString("") + " / "
                + error.path("zh_desc").asString("");
        if (properties.credentialErrorCodes().contains(code)) {
            return MarketplaceCredentialsRejected.signature(JD, code, message);
        }
        if (properties.rateLimitErrorCodes().contains(code)) {
            return MarketplaceRateLimited.byCode(JD, code, message);
        }
        if (properties.systemErrorCodes().contains(code)) {
            return MarketplaceUnavailable.systemError(JD, code, message);
        }
        return MarketplaceRequestRejected.byCode(JD, code, message);
    }

    /** Inner {@code queryResult.code} ≠ 200: a 5xx-like code is a platform fault, anything else a business error. */
    static MarketplaceException business(JsonNode result) {
        String code = result.path("code").asString("");
        String message = result.path("message").asString("");
        return code.startsWith("5") && code.length() == 3
                ? MarketplaceUnavailable.systemError(JD, code, message)
                : MarketplaceRequestRejected.byCode(JD, code, message);
    }
}
