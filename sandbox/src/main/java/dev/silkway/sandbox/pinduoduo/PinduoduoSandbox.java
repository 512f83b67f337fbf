package dev.silkway.sandbox.pinduoduo;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import dev.silkway.sandbox.catalogue.Signatures;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /pinduoduo/api/router} for {@code pdd.ddk.goods.search}. Errors: 10010 unknown client_id or bad
 * sign (⚠ the sign code is not public), 10000 bad parameters, 52101 throttled (⚠).
 */
@RestController
class PinduoduoSandbox {

    private final Catalogue catalogue;
    private final Gate gate;
    private final SandboxProperties.Credentials credentials;

    PinduoduoSandbox(Catalogue catalogue, Gate gate, SandboxProperties properties) {
        this.catalogue = catalogue;
        this.gate = gate;
        this.credentials = properties.credentials().pinduoduo();
    }

    @PostMapping("/pinduoduo/api/router")
    ResponseEntity<String> route(@RequestParam Map<String, String> params) {
        if (!credentials.appKey().equals(params.get("client_id"))) {
            return error(10010, "client_id不存在");
        }
        switch (gate.admit(Platform.PINDUODUO, credentials.appKey())) {
            case RATE_LIMITED -> {
                return error(52101, "当前接口请求频率过高，请稍后重试");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        if (!signature(params).equals(params.get("sign"))) {
            return error(10010, "签名错误 sign invalid");
        }
        if (!"pdd.ddk.goods.search".equals(params.get("type"))) {
            return error(10000, "type不存在");
        }
        int page = intParam(params, "page", 1);
        int size = intParam(params, "page_size", 100);
        if (page < 1 || size < 10 || size > 100) {
            return error(10000, "page_size必须在10-100之间");
        }
        ObjectNode root = SandboxJson.object();
        ObjectNode response = root.putObject("goods_search_response");
        response.set(
                "goods_list",
                SandboxJson.render(
                        catalogue.page(Platform.PINDUODUO, (long) (page - 1) * size, size), PinduoduoGoods::render));
        response.put("total_count", catalogue.size());
        response.put("list_id", "sandbox_" + catalogue.generation());
        response.put(
                "search_id", UUID.nameUUIDFromBytes(("p" + page).getBytes()).toString());
        return SandboxJson.ok(root);
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

    private static int intParam(Map<String, String> params, String name, int fallback) {
        try {
            return Integer.parseInt(params.getOrDefault(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ResponseEntity<String> error(int code, String message) {
        ObjectNode root = SandboxJson.object();
        root.putObject("error_response")
                .put("error_code", code)
                .put("error_msg", message)
                .put("request_id", "sandbox");
        return SandboxJson.ok(root);
    }
}
