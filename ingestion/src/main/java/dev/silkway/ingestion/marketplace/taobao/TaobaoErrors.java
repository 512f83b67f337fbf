package dev.silkway.ingestion.marketplace.taobao;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceException;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRequestRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import tools.jackson.databind.JsonNode;

/**
 * TOP {@code error_response{code,msg,sub_code,sub_msg}}: 7 App Call Limited → retry; 25 signature, 27 session,
 * 29 app key, 31 timestamp → credentials (no retry); 40/41 arguments → rejected; 10/15 and {@code isp.*} sub-codes
 * (platform side) → retry; anything else → rejected.
 */
final class TaobaoErrors {

    private static final Marketplace TAOBAO = Marketplace.TAOBAO;

    private TaobaoErrors() {}

    static MarketplaceException from(JsonNode error) {
        String code = error.path("code").asString("");
        String subCode = error.path("sub_code").asString("");
        String message = error.path("msg").asString("")
                + (subCode.isEmpty()
                        ? ""
                        : " / " + subCode + " " + error.path("sub_msg").asString(""));
        return switch (code) {
            case "7" -> MarketplaceRateLimited.byCode(TAOBAO, code, message);
            case "25" -> MarketplaceCredentialsRejected.signature(TAOBAO, code, message);
            case "27" -> MarketplaceCredentialsRejected.session(TAOBAO, code, message);
            case "29" -> MarketplaceCredentialsRejected.appKey(TAOBAO, code, message);
            case "31" -> MarketplaceCredentialsRejected.timestamp(TAOBAO, code, message);
            case "10", "15" -> MarketplaceUnavailable.systemError(TAOBAO, code, message);
            default ->
                subCode.startsWith("isp.")
                        ? MarketplaceUnavailable.systemError(TAOBAO, code, message)
                        : MarketplaceRequestRejected.byCode(TAOBAO, code, message);
        };
    }
}
