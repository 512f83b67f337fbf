package dev.silkway.sandbox.alibaba1688;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import dev.silkway.sandbox.catalogue.Signatures;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /1688/openapi/param2/1/com.alibaba.product/alibaba.product.get/{appKey}} checks
 * {@code _aop_signature}; {@code GET /1688/sandbox/product-ids} lists the ids (sandbox-only: 1688 has no such API).
 */
@RestController
class AlibabaSandbox {

    private static final String PATH = "param2/1/com.alibaba.product/alibaba.product.get/";

    private final Catalogue catalogue;
    private final Gate gate;
    private final SandboxProperties.Credentials credentials;

    AlibabaSandbox(Catalogue catalogue, Gate gate, SandboxProperties properties) {
        this.catalogue = catalogue;
        this.gate = gate;
        this.credentials = properties.credentials().alibaba1688();
    }

    @PostMapping("/1688/openapi/" + PATH + "{appKey}")
    ResponseEntity<String> productGet(@PathVariable String appKey, @RequestParam Map<String, String> params) {
        if (!credentials.appKey().equals(appKey)) {
            return error(HttpStatus.BAD_REQUEST, "gw.AppKeyNotFound", "AppKey not found: " + appKey);
        }
        switch (gate.admit(Platform.ALIBABA_1688, appKey)) {
            case RATE_LIMITED -> {
                return error(HttpStatus.BAD_REQUEST, "gw.QosAppFrequencyLimit", "App frequency limit");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        if (!signature(PATH + appKey, params).equals(params.get("_aop_signature"))) {
            return error(HttpStatus.UNAUTHORIZED, "gw.SignatureInvalid", "Signature invalid");
        }
        long index = AlibabaProducts.index(params.getOrDefault("productID", ""));
        if (!catalogue.contains(index)) {
            return error(HttpStatus.OK, "500_004", "产品不存在 product not found");
        }
        ObjectNode root = SandboxJson.object().put("success", true);
        root.set("productInfo", AlibabaProducts.render(catalogue.item(Platform.ALIBABA_1688, index)));
        return SandboxJson.ok(root);
    }

    /** Sandbox-only id listing; a DUPLICATE_ID product is listed twice. */
    @GetMapping("/1688/sandbox/product-ids")
    ResponseEntity<String> productIds(
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "100") int limit) {
        ArrayNode ids = SandboxJson.array();
        for (CatalogueItem item : catalogue.page(Platform.ALIBABA_1688, offset, Math.min(limit, 1000))) {
            ids.add(AlibabaProducts.productId(item.index()));
            if (item.malformation() == Malformation.DUPLICATE_ID) {
                ids.add(AlibabaProducts.productId(item.index()));
            }
        }
        ObjectNode root = SandboxJson.object().put("total", catalogue.size());
        root.set("ids", ids);
        return SandboxJson.ok(root);
    }

    private String signature(String path, Map<String, String> params) {
        String concatenated = params.entrySet().stream()
                .filter(e -> !"_aop_signature".equals(e.getKey()))
                .map(e -> e.getKey() + e.getValue())
                .sorted()
                .collect(Collectors.joining());
        return Signatures.hmac("HmacSHA1", credentials.appSecret(), path + concatenated);
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        return SandboxJson.answer(
                status,
                SandboxJson.object()
                        .put("error_code", code)
                        .put("error_message", message)
                        .put("request_id", "sandbox"));
    }
}
