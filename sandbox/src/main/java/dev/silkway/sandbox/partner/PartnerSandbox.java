package dev.silkway.sandbox.partner;

import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.SandboxJson;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The partner's API ({@code /partner/v1/...}, see the package documentation): signed requests, idempotent answers. */
@RestController
class PartnerSandbox {

    private final PartnerProperties properties;
    private final Warehouse warehouse;
    private final Gate gate;
    private final Clock clock;

    PartnerSandbox(PartnerProperties properties, Warehouse warehouse, Gate gate, Clock clock) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.gate = gate;
        this.clock = clock;
    }

    @PostMapping("/partner/v1/purchases")
    ResponseEntity<String> purchase(
            HttpServletRequest http,
            @RequestHeader(name = "X-Partner-Key", required = false) @Nullable String key,
            @RequestHeader(name = "X-Partner-Timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-Partner-Signature", required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] raw) {
        String base = http.getScheme() + "://" + http.getServerName() + ":" + http.getServerPort();
        return signed(key, timestamp, signature, raw, body -> {
            PurchaseRequest request = PurchaseRequest.of(body, base);
            return answer(warehouse.purchase(request), request.fingerprint());
        });
    }

    @PostMapping("/partner/v1/parcels")
    ResponseEntity<String> parcel(
            @RequestHeader(name = "X-Partner-Key", required = false) @Nullable String key,
            @RequestHeader(name = "X-Partner-Timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-Partner-Signature", required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] raw) {
        return signed(key, timestamp, signature, raw, body -> {
            ParcelRequest request = ParcelRequest.of(body);
            return answer(warehouse.parcel(request), request.fingerprint());
        });
    }

    @GetMapping("/partner/v1/qc/{purchaseId}/{n}.svg")
    ResponseEntity<String> photo(@PathVariable String purchaseId, @PathVariable int n) {
        return warehouse
                .purchaseById(purchaseId)
                .filter(p -> n >= 1 && n <= 2)
                .map(p -> ResponseEntity.ok()
                        .contentType(MediaType.valueOf("image/svg+xml"))
                        .body("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"240\">"
                                + "<rect width=\"320\" height=\"240\" fill=\"#eee\"/><text x=\"16\" y=\"120\">QC "
                                + n + " " + p.purchaseId() + " x" + p.request().quantity() + "</text></svg>"))
                .orElse(ResponseEntity.notFound().build());
    }

    private ResponseEntity<String> signed(
            @Nullable String key,
            @Nullable String timestamp,
            @Nullable String signature,
            byte @Nullable [] raw,
            Function<JsonNode, ResponseEntity<String>> handler) {
        String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        if (key == null || signature == null || !key.equals(properties.appKey())) {
            return error(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE", "unknown app key or no signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp);
        } catch (NumberFormatException e) {
            return error(HttpStatus.BAD_REQUEST, "TIMESTAMP_OUT_OF_WINDOW", "X-Partner-Timestamp is Unix seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds)
                > properties.replayWindow().toSeconds()) {
            return error(HttpStatus.BAD_REQUEST, "TIMESTAMP_OUT_OF_WINDOW", "the timestamp is outside the window");
        }
        if (!PartnerSignature.matches(properties.appSecret(), seconds, body, signature)) {
            return error(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE", "the signature does not match");
        }
        switch (gate.admit("partner", 20, key, properties.rateLimitPerSecond())) {
            case RATE_LIMITED -> {
                return error(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "too many requests");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        try {
            return handler.apply(SandboxJson.MAPPER.readTree(body));
        } catch (JacksonException | IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
        }
    }

    private static ResponseEntity<String> answer(Warehouse.Answered answered, String fingerprint) {
        if (!answered.fingerprint().equals(fingerprint)) {
            return error(HttpStatus.UNPROCESSABLE_CONTENT, "REFERENCE_REUSED", "the reference names another request");
        }
        return SandboxJson.answer(HttpStatus.valueOf(answered.status()), answered.body());
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, @Nullable String message) {
        ObjectNode body = SandboxJson.object();
        body.putObject("error").put("code", code).put("message", message == null ? code : message);
        return SandboxJson.answer(status, body);
    }
}
