package dev.silkway.ingestion.marketplace.pinduoduo;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.common.MarketplaceClient;
import dev.silkway.ingestion.marketplace.common.Page;
import dev.silkway.ingestion.marketplace.common.PageRequest;
import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.ingestion.marketplace.offer.JsonFields;
import dev.silkway.ingestion.marketplace.offer.OfferParser;
import dev.silkway.ingestion.marketplace.offer.RawOffer;
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import dev.silkway.ingestion.marketplace.transport.FormBody;
import dev.silkway.ingestion.marketplace.transport.HttpReply;
import dev.silkway.ingestion.marketplace.transport.MarketplaceHttp;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRequestRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import dev.silkway.ingestion.marketplace.transport.Md5Signature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Pinduoduo {@code pdd.ddk.goods.search}: form POST to {@code <base-url>/api/router}, unix-seconds timestamp. */
public final class PinduoduoClient implements MarketplaceClient {

    static final String TYPE = "pdd.ddk.goods.search";

    private final PinduoduoProperties properties;
    private final MarketplaceHttp http;
    private final Clock clock;
    private final PinduoduoOfferParser parser;

    public PinduoduoClient(PinduoduoProperties properties, MarketplaceHttp http, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.clock = clock;
        this.parser = new PinduoduoOfferParser(new TextPolicy(properties.maxTextLength()));
    }

    public static PinduoduoClient create(PinduoduoProperties properties) {
        return new PinduoduoClient(
                properties, MarketplaceHttp.create(Marketplace.PINDUODUO, properties.transport()), Clock.systemUTC());
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.PINDUODUO;
    }

    @Override
    public OfferParser parser() {
        return parser;
    }

    @Override
    public Page fetchPage(PageRequest request) {
        Map<String, String> business = new LinkedHashMap<>();
        business.put("page", Integer.toString(request.page()));
        business.put("page_size", Integer.toString(Math.min(request.size(), 100)));
        business.put("keyword", properties.keyword());
        business.put("pid", properties.pid());
        URI endpoint = URI.create(properties.baseUrl() + "/api/router");
        JsonNode body = http.exchange(
                () -> HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", FormBody.CONTENT_TYPE)
                        .POST(FormBody.publisher(signedParams(business))),
                this::decode);
        List<RawOffer> offers = new ArrayList<>();
        for (JsonNode item : body.path("goods_list")) {
            offers.add(new RawOffer(
                    marketplace(),
                    JsonFields.idOrEmpty(item, "goods_id"),
                    item.toString(),
                    request.page(),
                    offers.size()));
        }
        return Page.of(marketplace(), request, offers, body.path("total_count").asLong(-1));
    }

    Map<String, String> signedParams(Map<String, String> business) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", TYPE);
        params.put("client_id", properties.clientId());
        params.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        params.put("data_type", "JSON");
        if (!properties.accessToken().isEmpty()) {
            params.put("access_token", properties.accessToken());
        }
        business.forEach((key, value) -> {
            if (!value.isEmpty()) {
                params.put(key, value);
            }
        });
        params.put("sign", Md5Signature.sign(params, properties.clientSecret()));
        return params;
    }

    private JsonNode decode(HttpReply reply) {
        JsonNode root;
        try {
            root = Json.read(reply.body());
        } catch (JacksonException e) {
            throw MarketplaceUnavailable.malformedResponse(marketplace(), "body is not JSON");
        }
        if (root.has("error_response")) {
            throw PinduoduoErrors.from(root.get("error_response"), properties.rateLimitErrorCodes());
        }
        if (reply.status() != 200) {
            throw MarketplaceRequestRejected.unexpectedStatus(marketplace(), reply.status());
        }
        JsonNode wrapper = root.path("goods_search_response");
        if (!wrapper.isObject()) {
            throw MarketplaceUnavailable.malformedResponse(marketplace(), "no goods_search_response");
        }
        return wrapper;
    }
}
