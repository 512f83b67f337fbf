package dev.silkway.sandbox.poizon;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import dev.silkway.sandbox.catalogue.Signatures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Poizon/Dewu open platform under {@code /poizon/dop/api/v1}: JSON POST bodies signed with MD5 over the sorted,
 * URL-encoded non-empty params + secret. Codes (⚠ unconfirmed): 200 ok, 401 bad sign, 403 unknown app_key,
 * 429 throttled, 400 bad request. {@code GET /poizon/sandbox/article-numbers} is sandbox-only.
 */
@RestController
class PoizonSandbox {

    private final Catalogue catalogue;
    private final Gate gate;
    private final SandboxProperties.Credentials credentials;

    PoizonSandbox(Catalogue catalogue, Gate gate, SandboxProperties properties) {
        this.catalogue = catalogue;
        this.gate = gate;
        this.credentials = properties.credentials().poizon();
    }

    @PostMapping("/poizon/dop/api/v1/spu/batch_article_number")
    ResponseEntity<String> spus(@RequestBody Map<String, Object> body) {
        return guarded(body, request -> {
            ArrayNode list = SandboxJson.array();
            Object numbers = request.get("article_numbers");
            if (numbers instanceof Collection<?> values) {
                List<CatalogueItem> items = new ArrayList<>();
                for (Object number : values) {
                    long index = PoizonSpus.index(String.valueOf(number));
                    if (catalogue.contains(index)) {
                        items.add(catalogue.item(Platform.POIZON, index));
                    }
                }
                list = SandboxJson.render(items, PoizonSpus::render);
            }
            return Optional.of(list);
        });
    }

    @PostMapping("/poizon/dop/api/v1/bidding/normal/normal_lowest_price")
    ResponseEntity<String> lowestPrice(@RequestBody Map<String, Object> body) {
        return guarded(body, request -> {
            long skuId = request.get("sku_id") instanceof Number n ? n.longValue() : -1;
            long index = PoizonSpus.indexOfSku(skuId);
            if (!catalogue.contains(index)) {
                return Optional.empty();
            }
            return Optional.of(PoizonSpus.lowestPrice(
                    catalogue.item(Platform.POIZON, index), PoizonSpus.variantOfSku(skuId), skuId));
        });
    }

    @GetMapping("/poizon/sandbox/article-numbers")
    ResponseEntity<String> articleNumbers(
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "100") int limit) {
        ArrayNode ids = SandboxJson.array();
        catalogue
                .page(Platform.POIZON, offset, Math.min(limit, 1000))
                .forEach(item -> ids.add(PoizonSpus.articleNumber(item)));
        ObjectNode root = SandboxJson.object().put("total", catalogue.size());
        root.set("ids", ids);
        return SandboxJson.ok(root);
    }

    private ResponseEntity<String> guarded(
            Map<String, Object> body, Function<Map<String, Object>, Optional<JsonNode>> handler) {
        if (!credentials.appKey().equals(body.get("app_key"))) {
            return answer(403, "app_key不存在", null);
        }
        switch (gate.admit(Platform.POIZON, credentials.appKey())) {
            case RATE_LIMITED -> {
                return answer(429, "请求过于频繁", null);
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        if (!sign(body).equals(body.get("sign"))) {
            return answer(401, "签名错误", null);
        }
        return handler.apply(body).map(data -> answer(200, "success", data)).orElseGet(() -> answer(400, "参数错误", null));
    }

    private String sign(Map<String, Object> body) {
        String canonical = new TreeMap<>(body)
                .entrySet().stream()
                        .filter(e -> !"sign".equals(e.getKey()))
                        .map(e -> Map.entry(e.getKey(), flatten(e.getValue())))
                        .filter(e -> !e.getValue().isEmpty())
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return Signatures.md5(canonical + credentials.appSecret());
    }

    private static String flatten(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<String> answer(int code, String msg, JsonNode data) {
        ObjectNode root = SandboxJson.object().put("code", code).put("msg", msg);
        root.set("data", data);
        return SandboxJson.ok(root);
    }
}
