package dev.silkway.ingestion.marketplace.poizon;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.common.MarketplaceClient;
import dev.silkway.ingestion.marketplace.common.Page;
import dev.silkway.ingestion.marketplace.common.PageRequest;
import dev.silkway.ingestion.marketplace.common.ProductIdFeed;
import dev.silkway.ingestion.marketplace.common.SandboxIdFeed;
import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.ingestion.marketplace.offer.JsonFields;
import dev.silkway.ingestion.marketplace.offer.OfferParser;
import dev.silkway.ingestion.marketplace.offer.RawOffer;
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import dev.silkway.ingestion.marketplace.transport.HttpReply;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceHttp;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRequestRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Poizon/Dewu: one {@code spu/batch_article_number} call per page of article numbers, then (if
 * {@code fetch-lowest-prices}) one {@code normal_lowest_price} call per SKU. The raw record is the composite
 * {@code {"spu": <spu as received>, "lowest_prices": {"<sku_id>": <data as received>}}}.
 */
public final class PoizonClient implements MarketplaceClient {

    private final PoizonProperties properties;
    private final MarketplaceHttp http;
    private final ProductIdFeed articleNumbers;
    private final Clock clock;
    private final PoizonOfferParser parser;

    public PoizonClient(PoizonProperties properties, MarketplaceHttp http, ProductIdFeed articleNumbers, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.articleNumbers = articleNumbers;
        this.clock = clock;
        this.parser = new PoizonOfferParser(new TextPolicy(properties.maxTextLength()));
    }

    public static PoizonClient create(PoizonProperties properties) {
        MarketplaceHttp http = MarketplaceHttp.create(Marketplace.POIZON, properties.transport());
        ProductIdFeed feed = properties.idFeedUrl() == null
                ? ProductIdFeed.declared(properties.articleNumbers())
                : new SandboxIdFeed(http, properties.idFeedUrl());
        return new PoizonClient(properties, http, feed, Clock.systemUTC());
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.POIZON;
    }

    @Override
    public OfferParser parser() {
        return parser;
    }

    @Override
    public Page fetchPage(PageRequest request) {
        List<String> numbers = articleNumbers.slice(request.offset(), request.size());
        List<RawOffer> offers = new ArrayList<>();
        if (!numbers.isEmpty()) {
            JsonNode data = call(properties.spuPath(), Map.of("article_numbers", numbers));
            JsonNode spus = data.isArray() ? data : data.path("list");
            for (JsonNode spu : spus) {
                ObjectNode raw = Json.MAPPER.createObjectNode();
                raw.set("spu", spu);
                raw.set("lowest_prices", lowestPrices(spu));
                offers.add(new RawOffer(
                        marketplace(),
                        JsonFields.idOrEmpty(spu, "spu_id"),
                        raw.toString(),
                        request.page(),
                        offers.size()));
            }
        }
        return Page.of(marketplace(), request, offers, articleNumbers.total());
    }

    private ObjectNode lowestPrices(JsonNode spu) {
        ObjectNode prices = Json.MAPPER.createObjectNode();
        if (properties.fetchLowestPrices()) {
            for (JsonNode sku : spu.path("skus")) {
                String skuId = JsonFields.idOrEmpty(sku, "sku_id");
                if (!skuId.isEmpty()) {
                    prices.set(skuId, call(properties.lowestPricePath(), Map.of("sku_id", Long.parseLong(skuId))));
                }
            }
        }
        return prices;
    }

    private JsonNode call(String path, Map<String, Object> business) {
        URI endpoint = URI.create(properties.baseUrl() + path);
        return http.exchange(
                () -> HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/json;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(signed(business)))),
                this::decode);
    }

    Map<String, Object> signed(Map<String, Object> business) {
        Map<String, Object> body = new LinkedHashMap<>(business);
        body.put("app_key", properties.appKey());
        body.put("timestamp", clock.millis());
        body.put("sign", PoizonSigner.sign(body, properties.appSecret()));
        return body;
    }

    private JsonNode decode(HttpReply reply) {
        JsonNode root;
        try {
            root = Json.read(reply.body());
        } catch (JacksonException e) {
            throw MarketplaceUnavailable.malformedResponse(marketplace(), "body is not JSON");
        }
        String code = root.path("code").asString("");
        String message = root.path("msg").asString("");
        if (properties.successCode().equals(code)) {
            return root.path("data");
        }
        if (properties.credentialErrorCodes().contains(code)) {
            throw MarketplaceCredentialsRejected.signature(marketplace(), code, message);
        }
        if (properties.rateLimitErrorCodes().contains(code)) {
            throw MarketplaceRateLimited.byCode(marketplace(), code, message);
        }
        if (properties.systemErrorCodes().contains(code)) {
            throw MarketplaceUnavailable.systemError(marketplace(), code, message);
        }
        throw MarketplaceRequestRejected.byCode(
                marketplace(), code.isEmpty() ? "HTTP " + reply.status() : code, message);
    }
}
