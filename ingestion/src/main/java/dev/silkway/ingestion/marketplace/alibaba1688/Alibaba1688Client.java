package dev.silkway.ingestion.marketplace.alibaba1688;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.common.MarketplaceClient;
import dev.silkway.ingestion.marketplace.common.Page;
import dev.silkway.ingestion.marketplace.common.PageRequest;
import dev.silkway.ingestion.marketplace.common.ProductIdFeed;
import dev.silkway.ingestion.marketplace.common.SandboxIdFeed;
import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.ingestion.marketplace.offer.OfferParser;
import dev.silkway.ingestion.marketplace.offer.RawOffer;
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import dev.silkway.ingestion.marketplace.transport.FormBody;
import dev.silkway.ingestion.marketplace.transport.HttpReply;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceHttp;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * 1688 {@code alibaba.product.get}, one call per product id of the page's slice of the {@link ProductIdFeed}. A
 * product the platform refuses by business code (unknown, delisted) yields its error body as the raw record, which
 * the parser rejects, so it is quarantined instead of stopping the run.
 */
public final class Alibaba1688Client implements MarketplaceClient {

    static final String API_PATH = "param2/1/com.alibaba.product/alibaba.product.get/";

    private final Alibaba1688Properties properties;
    private final MarketplaceHttp http;
    private final ProductIdFeed ids;
    private final Alibaba1688OfferParser parser;

    public Alibaba1688Client(Alibaba1688Properties properties, MarketplaceHttp http, ProductIdFeed ids) {
        this.properties = properties;
        this.http = http;
        this.ids = ids;
        this.parser = new Alibaba1688OfferParser(new TextPolicy(properties.maxTextLength()));
    }

    public static Alibaba1688Client create(Alibaba1688Properties properties) {
        MarketplaceHttp http = MarketplaceHttp.create(Marketplace.ALIBABA_1688, properties.transport());
        ProductIdFeed feed = properties.idFeedUrl() == null
                ? ProductIdFeed.declared(properties.productIds())
                : new SandboxIdFeed(http, properties.idFeedUrl());
        return new Alibaba1688Client(properties, http, feed);
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.ALIBABA_1688;
    }

    @Override
    public OfferParser parser() {
        return parser;
    }

    @Override
    public Page fetchPage(PageRequest request) {
        List<RawOffer> offers = new ArrayList<>();
        for (String productId : ids.slice(request.offset(), request.size())) {
            String raw = http.exchange(() -> request(productId), this::decode);
            offers.add(new RawOffer(marketplace(), productId, raw, request.page(), offers.size()));
        }
        return Page.of(marketplace(), request, offers, ids.total());
    }

    private HttpRequest.Builder request(String productId) {
        String path = API_PATH + properties.appKey();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("productID", productId);
        params.put("webSite", "1688");
        if (!properties.accessToken().isEmpty()) {
            params.put("access_token", properties.accessToken());
        }
        params.put("_aop_signature", AopSigner.sign(path, params, properties.appSecret()));
        return HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/openapi/" + path))
                .header("Content-Type", FormBody.CONTENT_TYPE)
                .POST(FormBody.publisher(params));
    }

    /** The product as raw JSON, or the business error body for the parser to reject. */
    private String decode(HttpReply reply) {
        JsonNode root;
        try {
            root = Json.read(reply.body());
        } catch (JacksonException e) {
            throw MarketplaceUnavailable.malformedResponse(marketplace(), "body is not JSON");
        }
        String code = root.path("error_code").asString("");
        String message = root.path("error_message").asString("");
        if (properties.credentialErrorCodes().contains(code)) {
            throw code.startsWith("gw.AppKey")
                    ? MarketplaceCredentialsRejected.appKey(marketplace(), code, message)
                    : code.startsWith("gw.Signature")
                            ? MarketplaceCredentialsRejected.signature(marketplace(), code, message)
                            : MarketplaceCredentialsRejected.session(marketplace(), code, message);
        }
        if (properties.rateLimitErrorCodes().contains(code)) {
            throw MarketplaceRateLimited.byCode(marketplace(), code, message);
        }
        JsonNode product = root.has("productInfo")
                ? root.get("productInfo")
                : root.path("result").path("productInfo");
        return product.isObject() ? product.toString() : root.toString();
    }
}
