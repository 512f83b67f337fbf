package dev.silkway.sandbox.generic;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /generic/v1/items?page=&size=}: a plain JSON catalogue behind an {@code X-Api-Key} header, paged by page
 * number (from 1), answering {@code {"data": {"items": [...], "page", "size", "total"}}}. A missing or wrong key is a
 * 401, a bad page a 400, both as {@code {"error": {"code", "message"}}}. The catalogue is the Taobao generation of
 * the shared generator rendered in this API's shape; the fault settings (rate limits, 5xx, slowness, malformed
 * records) apply as for the platforms.
 */
@RestController
@EnableConfigurationProperties(GenericSandboxProperties.class)
class GenericSandbox {

    private final Catalogue catalogue;
    private final Gate gate;
    private final GenericSandboxProperties properties;

    GenericSandbox(Catalogue catalogue, Gate gate, GenericSandboxProperties properties) {
        this.catalogue = catalogue;
        this.gate = gate;
        this.properties = properties;
    }

    @GetMapping("/generic/v1/items")
    ResponseEntity<String> items(
            @RequestHeader(name = "X-Api-Key", required = false) @Nullable String apiKey,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (apiKey == null || !constantTimeEquals(apiKey, properties.apiKey())) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_api_key", "The X-Api-Key header is missing or wrong");
        }
        switch (gate.admit(Platform.TAOBAO, "generic/" + properties.apiKey())) {
            case RATE_LIMITED -> {
                return error(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        if (page < 1 || size < 1 || size > properties.maxPageSize()) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    "invalid_paging",
                    "page must be >= 1 and size within 1.." + properties.maxPageSize());
        }
        ObjectNode root = SandboxJson.object();
        ObjectNode data = root.putObject("data");
        data.put("page", page);
        data.put("size", size);
        data.put("total", catalogue.size());
        data.set(
                "items",
                SandboxJson.render(
                        catalogue.page(Platform.TAOBAO, (long) (page - 1) * size, size), GenericItems::render));
        return SandboxJson.ok(root);
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        ObjectNode root = SandboxJson.object();
        root.putObject("error").put("code", code).put("message", message);
        return SandboxJson.answer(status, root);
    }
}
