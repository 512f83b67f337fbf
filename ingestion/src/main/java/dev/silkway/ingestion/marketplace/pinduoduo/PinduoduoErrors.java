package dev.silkway.ingestion.marketplace.pinduoduo;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceException;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRequestRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code error_response{error_code,error_msg}}: 10010 client_id (or its signature) and 20000 access token → no
 * retry; 50000 system → retry; the configured throttling codes → retry; 10000 and the rest → rejected.
 */
final class PinduoduoErrors {

    private static final Marketplace PDD = Marketplace.PINDUODUO;

    private PinduoduoErrors() {}

    static MarketplaceException from(JsonNode error, List<String> rateLimitCodes) {
        String code = error.path("error_code").asString("");
        String message = error.path("error_msg").asString("") + " "
                + error.path("sub_msg").asString("");
        if (rateLimitCodes.contains(code)) {
            return MarketplaceRateLimited.byCode(PDD, code, message.strip());
        }
        return switch (code) {
            case "10010" -> MarketplaceCredentialsRejected.appKey(PDD, code, message.strip());
            case "20000" -> MarketplaceCredentialsRejected.session(PDD, code, message.strip());
            case "50000" -> MarketplaceUnavailable.systemError(PDD, code, message.strip());
            default -> MarketplaceRequestRejected.byCode(PDD, code, message.strip());
        };
    }
}
