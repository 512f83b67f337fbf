package dev.silkway.ingestion.marketplace.taobao;

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
 * Taobao Open Platform: pages through {@code taobao.tbk.dg.material.optional} ({@code page_no}/{@code page_size})
 * and looks items up with {@code taobao.tbk.item.info.get} (at most 40 {@code num_iids}). POST form to
 * {@code <base-url>/router/rest}, signed per {@link TaobaoSigner}, timestamp in GMT+8.
 */
public final class TaobaoClient implements MarketplaceClient {

    static final String MATERIAL_SEARCH = "taobao.tbk.dg.material.optional";
    static final String ITEM_INFO = "taobao.tbk.item.info.get";
    static final int MAX_ITEM_IDS = 40;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    private final TaobaoProperties properties;
    private final MarketplaceHttp http;
    private final Clock clock;
    private final TaobaoOfferParser parser;

    public TaobaoClient(TaobaoProperties properties, MarketplaceHttp http, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.clock = clock;
        this.parser = new TaobaoOfferParser(new TextPolicy(properties.maxTextLength()));
    }

    public static TaobaoClient create(TaobaoProperties properties) {
        return new TaobaoClient(
                properties, MarketplaceHttp.create(Marketplace.TAOBAO, properties.transport()), Clock.systemUTC());
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.TAOBAO;
    }

    @Override
    public OfferParser parser() {
        return parser;
    }

    @Override
    public Page fetchPage(PageRequest request) {
        Map<String, String> business = new LinkedHashMap<>();
        business.put("q", properties.query());
        business.put("adzone_id", properties.adzoneId());
        business.put("page_no", Integer.toString(request.page()));
        business.put("page_size", Integer.toString(Math.min(request.size(), 100)));
        JsonNode body = call(MATERIAL_SEARCH, business);
        List<RawOffer> offers = items(body.path("result_list").path("map_data"), "item_id", request.page());
        return Page.of(
                marketplace(), request, offers, body.path("total_results").asLong(-1));
    }

    /** {@code taobao.tbk.item.info.get} for up to 40 item ids. */
    public List<RawOffer> itemInfo(List<String> numIids) {
        if (numIids.isEmpty() || numIids.size() > MAX_ITEM_IDS) {
            throw new IllegalArgumentException("num_iids takes 1.." + MAX_ITEM_IDS + " ids, got " + numIids.size());
        }
        JsonNode body = call(ITEM_INFO, Map.of("num_iids", String.join(",", numIids), "platform", "2"));
        return items(body.path("results").path("n_tbk_item"), "num_iid", 1);
    }

    private JsonNode call(String method, Map<String, String> business) {
        URI endpoint = URI.create(properties.baseUrl() + "/router/rest");
        return http.exchange(
                () -> HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", FormBody.CONTENT_TYPE)
                        .POST(FormBody.publisher(signedParams(method, business))),
                reply -> decode(method, reply));
    }

    Map<String, String> signedParams(String method, Map<String, String> business) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", method);
        params.put("app_key", properties.appKey());
        params.put("timestamp", TIMESTAMP.format(clock.instant()));
        params.put("v", "2.0");
        params.put("sign_method", properties.signMethod().wireName());
        params.put("format", "json");
        params.put("simplify", "false");
        if (!properties.session().isEmpty()) {
            params.put("session", properties.session());
        }
        business.forEach((key, value) -> {
            if (!value.isEmpty()) {
                params.put(key, value);
            }
        });
        params.put("sign", TaobaoSigner.sign(params, properties.appSecret(), properties.signMethod()));
        return params;
    }

    private static JsonNode decode(String method, HttpReply reply) {
        JsonNode root;
        try {
            root = Json.read(reply.body());
        } catch (JacksonException e) {
            throw MarketplaceUnavailable.malformedResponse(Marketplace.TAOBAO, "body is not JSON");
        }
        if (root.has("error_response")) {
            throw TaobaoErrors.from(root.get("error_response"));
        }
        if (reply.status() != 200) {
            throw MarketplaceRequestRejected.unexpectedStatus(Marketplace.TAOBAO, reply.status());
        }
        JsonNode wrapper = root.get(responseWrapper(method));
        if (wrapper == null || !wrapper.isObject()) {
            throw MarketplaceUnavailable.malformedResponse(Marketplace.TAOBAO, "no " + responseWrapper(method));
        }
        return wrapper;
    }

    /** {@code taobao.tbk.item.info.get} → {@code tbk_item_info_get_response}. */
    static String responseWrapper(String method) {
        return method.replaceFirst("^taobao\\.", "").replace('.', '_') + "_response";
    }

    private List<RawOffer> items(JsonNode list, String idField, int page) {
        List<RawOffer> offers = new ArrayList<>();
        for (JsonNode item : list) {
            offers.add(new RawOffer(
                    marketplace(), JsonFields.idOrEmpty(item, idField), item.toString(), page, offers.size()));
        }
        return offers;
    }
}
