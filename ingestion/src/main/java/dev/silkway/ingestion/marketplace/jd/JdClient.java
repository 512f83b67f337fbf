package dev.silkway.ingestion.marketplace.jd;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * JD Union {@code jd.union.open.goods.query} on {@code <base-url>/routerjson}: the request body goes in
 * {@code 360buy_param_json}, the answer's {@code queryResult} is a JSON string parsed a second time.
 */
public final class JdClient implements MarketplaceClient {

    static final String METHOD = "jd.union.open.goods.query";
    static final String WRAPPER = "jd_union_open_goods_query_responce";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    private final JdProperties properties;
    private final MarketplaceHttp http;
    private final Clock clock;
    private final JdErrors errors;
    private final JdOfferParser parser;

    public JdClient(JdProperties properties, MarketplaceHttp http, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.clock = clock;
        this.errors = new JdErrors(properties);
        this.parser = new JdOfferParser(new TextPolicy(properties.maxTextLength()));
    }

    public static JdClient create(JdProperties properties) {
        return new JdClient(
                properties, MarketplaceHttp.create(Marketplace.JD, properties.transport()), Clock.systemUTC());
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.JD;
    }

    @Override
    public OfferParser parser() {
        return parser;
    }

    @Override
    public Page fetchPage(PageRequest request) {
        Map<String, Object> goodsReq = new LinkedHashMap<>();
        if (!properties.keyword().isEmpty()) {
            goodsReq.put("keyword", properties.keyword());
        }
        goodsReq.put("pageIndex", request.page());
        goodsReq.put("pageSize", Math.min(request.size(), 30));
        String paramJson = Json.write(Map.of("goodsReqDTO", goodsReq));
        URI endpoint = URI.create(properties.baseUrl() + "/routerjson");
        JsonNode result = http.exchange(
                () -> HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", FormBody.CONTENT_TYPE)
                        .POST(FormBody.publisher(signedParams(paramJson))),
                this::decode);
        List<RawOffer> offers = new ArrayList<>();
        for (JsonNode item : result.path("data")) {
            offers.add(new RawOffer(
                    marketplace(),
                    JsonFields.idOrEmpty(item, "skuId"),
                    item.toString(),
                    request.page(),
                    offers.size()));
        }
        return Page.of(marketplace(), request, offers, result.path("totalCount").asLong(-1));
    }

    Map<String, String> signedParams(String paramJson) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", METHOD);
        params.put("app_key", properties.appKey());
        params.put("timestamp", TIMESTAMP.format(clock.instant()));
        params.put("format", "json");
        params.put("v", "1.0");
        params.put("sign_method", "md5");
        params.put("360buy_param_json", paramJson);
        if (!properties.accessToken().isEmpty()) {
            params.put("access_token", properties.accessToken());
        }
        params.put("sign", Md5Signature.sign(params, properties.appSecret()));
        return params;
    }

    private JsonNode decode(HttpReply reply) {
        JsonNode root = parse(reply.body(), "body");
        if (root.has("error_response")) {
            throw errors.gateway(root.get("error_response"));
        }
        if (reply.status() != 200) {
            throw MarketplaceRequestRejected.unexpectedStatus(Marketplace.JD, reply.status());
        }
        JsonNode wrapper = root.has(WRAPPER) ? root.get(WRAPPER) : root.path("jd_union_open_goods_query_response");
        JsonNode queryResult = wrapper.path("queryResult");
        if (!queryResult.isString()) {
            throw MarketplaceUnavailable.malformedResponse(Marketplace.JD, "no queryResult string in " + WRAPPER);
        }
        JsonNode result = parse(queryResult.stringValue(), "queryResult");
        if (result.path("code").asInt(-1) != 200) {
            throw JdErrors.business(result);
        }
        return result;
    }

    private static JsonNode parse(String json, String what) {
        try {
            return Json.read(json);
        } catch (JacksonException e) {
            throw MarketplaceUnavailable.malformedResponse(Marketplace.JD, what + " is not JSON");
        }
    }
}
