package dev.silkway.sandbox.jd;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import dev.silkway.sandbox.catalogue.Signatures;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /jd/routerjson}: JD's gateway; the answer's {@code queryResult} is a JSON string. Gateway codes used
 * here (⚠ not public): 15 unknown app_key, 16 bad signature, 71 throttled, 20 unknown method.
 */
@RestController
class JdSandbox {

    private final Catalogue catalogue;
    private final Gate gate;
    private final SandboxProperties.Credentials credentials;

    JdSandbox(Catalogue catalogue, Gate gate, SandboxProperties properties) {
        this.catalogue = catalogue;
        this.gate = gate;
        this.credentials = properties.credentials().jd();
    }

    @PostMapping("/jd/routerjson")
    ResponseEntity<String> route(@RequestParam Map<String, String> params) {
        if (!credentials.appKey().equals(params.get("app_key"))) {
            return error("15", "app_key不存在", "Invalid app_key");
        }
        switch (gate.admit(Platform.JD, credentials.appKey())) {
            case RATE_LIMITED -> {
                return error("71", "调用超过限制", "Call limited");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        if (!signature(params).equals(params.get("sign"))) {
            return error("16", "签名无效", "Invalid signature");
        }
        if (!"jd.union.open.goods.query".equals(params.get("method"))) {
            return error("20", "方法不存在", "Invalid method");
        }
        JsonNode request;
        try {
            request = SandboxJson.MAPPER
                    .readTree(params.getOrDefault("360buy_param_json", ""))
                    .path("goodsReqDTO");
        } catch (JacksonException e) {
            return wrap(SandboxJson.object().put("code", 400).put("message", "360buy_param_json 格式错误"));
        }
        int page = request.path("pageIndex").asInt(1);
        int size = request.path("pageSize").asInt(20);
        if (page < 1 || size < 1 || size > 30) {
            return wrap(SandboxJson.object().put("code", 411).put("message", "pageSize超出范围(1-30)"));
        }
        ObjectNode result = SandboxJson.object().put("code", 200).put("message", "success");
        result.put("requestId", "sandbox_" + page);
        result.put("totalCount", catalogue.size());
        result.set(
                "data",
                SandboxJson.render(catalogue.page(Platform.JD, (long) (page - 1) * size, size), JdItems::render));
        return wrap(result);
    }

    private String signature(Map<String, String> params) {
        StringBuilder text = new StringBuilder(credentials.appSecret());
        new TreeMap<>(params).forEach((key, value) -> {
            if (!"sign".equals(key) && !value.isEmpty()) {
                text.append(key).append(value);
            }
        });
        return Signatures.md5(text.append(credentials.appSecret()).toString());
    }

    private static ResponseEntity<String> wrap(ObjectNode queryResult) {
        ObjectNode root = SandboxJson.object();
        root.putObject("jd_union_open_goods_query_responce")
                .put("code", "0")
                .put("queryResult", SandboxJson.MAPPER.writeValueAsString(queryResult));
        return SandboxJson.ok(root);
    }

    private static ResponseEntity<String> error(String code, String zh, String en) {
        ObjectNode root = SandboxJson.object();
        root.putObject("error_response").put("code", code).put("zh_desc", zh).put("en_desc", en);
        return SandboxJson.ok(root);
    }
}
