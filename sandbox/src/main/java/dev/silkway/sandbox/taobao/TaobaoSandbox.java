package dev.silkway.sandbox.taobao;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /taobao/router/rest}: TOP's router for tbk.dg.material.optional and tbk.item.info.get. */
@RestController
class TaobaoSandbox {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Catalogue catalogue;
    private final Gate gate;
    private final SandboxProperties.Credentials credentials;

    TaobaoSandbox(Catalogue catalogue, Gate gate, SandboxProperties properties) {
        this.catalogue = catalogue;
        this.gate = gate;
        this.credentials = properties.credentials().taobao();
    }

    @PostMapping("/taobao/router/rest")
    ResponseEntity<String> route(@RequestParam Map<String, String> params) {
        if (!credentials.appKey().equals(params.get("app_key"))) {
            return error("29", "Invalid App Key", "isv.appkey-not-exists");
        }
        switch (gate.admit(Platform.TAOBAO, credentials.appKey())) {
            case RATE_LIMITED -> {
                return error("7", "App Call Limited", "accesscontrol.limited-by-app-access-count");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        if (!TopSignature.valid(params, credentials.appSecret())) {
            return error("25", "Invalid Signature", "isv.signature-invalid");
        }
        try {
            LocalDateTime.parse(params.getOrDefault("timestamp", ""), TIMESTAMP);
        } catch (DateTimeParseException e) {
            return error("31", "Invalid Timestamp", "isv.invalid-timestamp");
        }
        return switch (params.getOrDefault("method", "")) {
            case "taobao.tbk.dg.material.optional" -> materials(params);
            case "taobao.tbk.item.info.get" -> itemInfo(params);
            default -> error("22", "Invalid Method", "isv.method-not-exists");
        };
    }

    private ResponseEntity<String> materials(Map<String, String> params) {
        if (!params.containsKey("adzone_id")) {
            return error("40", "Missing Required Arguments:adzone_id", "isv.missing-parameter:adzone_id");
        }
        int page = intParam(params, "page_no", 1);
        int size = intParam(params, "page_size", 20);
        if (page < 1 || size < 1 || size > 100) {
            return error("41", "Invalid Arguments:page_size", "isv.invalid-parameter:page_size");
        }
        List<CatalogueItem> items = catalogue.page(Platform.TAOBAO, (long) (page - 1) * size, size);
        ObjectNode root = SandboxJson.object();
        ObjectNode response = root.putObject("tbk_dg_material_optional_response");
        response.put("total_results", catalogue.size());
        response.putObject("result_list")
                .set("map_data", SandboxJson.render(items, i -> TaobaoItems.render(i, "item_id")));
        response.put("page_result_key", "sandbox-" + page);
        response.put("request_id", "sandbox" + page);
        return SandboxJson.ok(root);
    }

    private ResponseEntity<String> itemInfo(Map<String, String> params) {
        String ids = params.getOrDefault("num_iids", "");
        String[] parts = ids.isBlank() ? new String[0] : ids.split(",");
        if (parts.length == 0 || parts.length > 40) {
            return error("41", "Invalid Arguments:num_iids", "isv.invalid-parameter:num_iids");
        }
        List<CatalogueItem> items = new ArrayList<>();
        for (String id : parts) {
            long index = TaobaoItems.index(id);
            if (catalogue.contains(index)) {
                items.add(catalogue.item(Platform.TAOBAO, index));
            }
        }
        ObjectNode root = SandboxJson.object();
        root.putObject("tbk_item_info_get_response")
                .putObject("results")
                .set("n_tbk_item", SandboxJson.render(items, i -> TaobaoItems.render(i, "num_iid")));
        return SandboxJson.ok(root);
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        try {
            return Integer.parseInt(params.getOrDefault(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ResponseEntity<String> error(String code, String msg, String subCode) {
        ObjectNode root = SandboxJson.object();
        root.putObject("error_response")
                .put("code", Integer.parseInt(code))
                .put("msg", msg)
                .put("sub_code", subCode)
                .put("sub_msg", msg)
                .put("request_id", "sandbox");
        return SandboxJson.ok(root);
    }
}
