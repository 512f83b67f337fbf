package dev.silkway.sandbox.yookassa;

import dev.silkway.sandbox.catalogue.SandboxJson;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * YooKassa API v3 under {@code /yookassa/v3}: {@code POST /payments}, {@code GET /payments/{id}}, {@code GET
 * /payments} (created_at.gte / created_at.lt, limit, cursor), {@code POST /payments/{id}/capture|cancel},
 * {@code POST /refunds}, {@code GET /refunds/{id}}. Every call checks HTTP Basic shopId:secretKey, then the
 * configured faults (429 too_many_requests, 500 internal_server_error); every POST needs an Idempotence-Key
 * and the same key answers the same again (another request with it: invalid_request).
 */
@RestController
class YooKassaSandbox {

    private static final String PREFIX = "/yookassa/v3";

    private final YooKassaLedger ledger;
    private final YooKassaActions actions;
    private final YooKassaSettings settings;
    private final YooKassaSandboxProperties properties;
    private final Random faults = new Random(20260107L);

    YooKassaSandbox(
            YooKassaLedger ledger,
            YooKassaActions actions,
            YooKassaSettings settings,
            YooKassaSandboxProperties properties) {
        this.ledger = ledger;
        this.actions = actions;
        this.settings = settings;
        this.properties = properties;
    }

    @PostMapping(PREFIX + "/payments")
    ResponseEntity<String> create(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotence-Key", required = false) @Nullable String key,
            @RequestBody(required = false) @Nullable String body,
            HttpServletRequest http) {
        return post(authorization, key, body, () -> {
            JsonNode request = parse(body);
            YooKassaMoney amount = request == null ? null : YooKassaMoney.read(request.path("amount"));
            if (amount == null) {
                return YooKassaErrors.invalidRequest("amount: value must be a positive decimal string", "amount");
            }
            JsonNode confirmation = request.path("confirmation");
            if (!confirmation.path("type").asString("").equals("redirect")
                    || confirmation.path("return_url").asString("").isBlank()) {
                return YooKassaErrors.invalidRequest(
                        "confirmation: type redirect with a return_url is required", "confirmation");
            }
            Instant now = ledger.now();
            var payment = new YooKassaLedger.Payment(
                    amount,
                    request.path("capture").asBoolean(false),
                    request.path("description").isString()
                            ? request.path("description").asString()
                            : null,
                    confirmation.path("return_url").asString(),
                    request.path("metadata").isObject() ? request.path("metadata") : SandboxJson.object(),
                    now,
                    now.plus(properties.paymentTtl()));
            payment.confirmationUrl = publicUrl(http) + "/yookassa/checkout/" + payment.id;
            ledger.add(payment);
            return SandboxJson.ok(payment.json());
        });
    }

    @GetMapping(PREFIX + "/payments/{id}")
    ResponseEntity<String> payment(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @PathVariable String id) {
        return get(
                authorization,
                () -> ledger.payment(id)
                        .map(p -> SandboxJson.ok(p.json()))
                        .orElseGet(() -> YooKassaErrors.notFound("Payment")));
    }

    @GetMapping(PREFIX + "/payments")
    ResponseEntity<String> payments(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestParam(name = "created_at.gte", required = false) @Nullable String from,
            @RequestParam(name = "created_at.lt", required = false) @Nullable String to,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return get(authorization, () -> {
            if (limit < 1 || limit > 100) {
                return YooKassaErrors.invalidRequest("limit must be 1..100", "limit");
            }
            int offset;
            List<YooKassaLedger.Payment> all;
            try {
                offset = cursor == null
                        ? 0
                        : Integer.parseInt(
                                new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
                all = ledger.payments(from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return YooKassaErrors.invalidRequest("cursor or created_at is malformed", "cursor");
            }
            ObjectNode page = SandboxJson.object().put("type", "list");
            var items = page.putArray("items");
            all.stream().skip(offset).limit(limit).forEach(p -> items.add(p.json()));
            if (offset + limit < all.size()) {
                page.put(
                        "next_cursor",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(Integer.toString(offset + limit).getBytes(StandardCharsets.US_ASCII)));
            }
            return SandboxJson.ok(page);
        });
    }

    @PostMapping(PREFIX + "/payments/{id}/capture")
    ResponseEntity<String> capture(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotence-Key", required = false) @Nullable String key,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable String body) {
        return post(
                authorization,
                key,
                id + (body == null ? "" : body),
                () -> ledger.payment(id)
                        .map(p -> actions.capture(p)
                                ? SandboxJson.ok(p.json())
                                : YooKassaErrors.invalidRequest("Payment is not waiting for capture", "payment_id"))
                        .orElseGet(() -> YooKassaErrors.notFound("Payment")));
    }

    @PostMapping(PREFIX + "/payments/{id}/cancel")
    ResponseEntity<String> cancel(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotence-Key", required = false) @Nullable String key,
            @PathVariable String id) {
        return post(
                authorization,
                key,
                id,
                () -> ledger.payment(id)
                        .map(p -> actions.cancel(p, "merchant", "canceled_by_merchant", false)
                                ? SandboxJson.ok(p.json())
                                : YooKassaErrors.invalidRequest(
                                        "Only a payment waiting for capture can be cancelled", null))
                        .orElseGet(() -> YooKassaErrors.notFound("Payment")));
    }

    @PostMapping(PREFIX + "/refunds")
    ResponseEntity<String> refund(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotence-Key", required = false) @Nullable String key,
            @RequestBody(required = false) @Nullable String body) {
        return post(authorization, key, body, () -> {
            JsonNode request = parse(body);
            YooKassaMoney amount = request == null ? null : YooKassaMoney.read(request.path("amount"));
            if (amount == null) {
                return YooKassaErrors.invalidRequest("amount: value must be a positive decimal string", "amount");
            }
            var payment = ledger.payment(request.path("payment_id").asString(""));
            if (payment.isEmpty()) {
                return YooKassaErrors.invalidRequest("payment_id: unknown payment", "payment_id");
            }
            var p = payment.get();
            synchronized (p) {
                if (!p.status.equals("succeeded")) {
                    return YooKassaErrors.invalidRequest("Only a succeeded payment can be refunded", "payment_id");
                }
                if (!amount.currency().equals(p.amount.currency())
                        || ledger.refundsPending(p.id) + amount.minor() > p.amount.minor()) {
                    return YooKassaErrors.invalidRequest("amount exceeds what is left to refund", "amount");
                }
                var refund = new YooKassaLedger.Refund(
                        p.id,
                        amount,
                        request.path("description").isString()
                                ? request.path("description").asString()
                                : null,
                        ledger.now());
                ledger.add(refund);
                actions.settleLater(refund);
                return SandboxJson.ok(refund.json());
            }
        });
    }

    @GetMapping(PREFIX + "/refunds/{id}")
    ResponseEntity<String> refund(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @PathVariable String id) {
        return get(
                authorization,
                () -> ledger.refund(id)
                        .map(r -> SandboxJson.ok(r.json()))
                        .orElseGet(() -> YooKassaErrors.notFound("Refund")));
    }

    private ResponseEntity<String> get(@Nullable String authorization, Supplier<ResponseEntity<String>> action) {
        ResponseEntity<String> refused = admit(authorization);
        return refused != null ? refused : action.get();
    }

    private ResponseEntity<String> post(
            @Nullable String authorization,
            @Nullable String key,
            @Nullable String request,
            Supplier<ResponseEntity<String>> action) {
        ResponseEntity<String> refused = admit(authorization);
        if (refused != null) {
            return refused;
        }
        if (key == null || key.isBlank() || key.length() > 64) {
            return YooKassaErrors.invalidRequest(
                    "Idempotence-Key header of 1..64 characters is required", "Idempotence-Key");
        }
        String hash = sha256(request == null ? "" : request);
        var earlier = ledger.replay(key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(hash)) {
                return YooKassaErrors.invalidRequest("Idempotence-Key was used for another request", "Idempotence-Key");
            }
            return ResponseEntity.status(earlier.get().status())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(earlier.get().body());
        }
        ResponseEntity<String> answer = action.get();
        if (answer.getStatusCode().is2xxSuccessful()) {
            ledger.remember(
                    key, new YooKassaLedger.Replay(hash, answer.getStatusCode().value(), answer.getBody()));
        }
        return answer;
    }

    private @Nullable ResponseEntity<String> admit(@Nullable String authorization) {
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (properties.shopId() + ":" + properties.secretKey()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return YooKassaErrors.invalidCredentials();
        }
        YooKassaSettings.Settings now = settings.current();
        double draw;
        synchronized (faults) {
            draw = faults.nextDouble();
        }
        if (draw < now.rateLimitRate()) {
            return YooKassaErrors.tooManyRequests();
        }
        if (draw < now.rateLimitRate() + now.serverErrorRate()) {
            return YooKassaErrors.internalServerError();
        }
        return null;
    }

    private String publicUrl(HttpServletRequest http) {
        String configured = properties.publicUrl();
        return configured != null && !configured.isBlank()
                ? configured.replaceAll("/+$", "")
                : ServletUriComponentsBuilder.fromContextPath(http).build().toUriString();
    }

    private static @Nullable JsonNode parse(@Nullable String body) {
        try {
            JsonNode node = SandboxJson.MAPPER.readTree(body == null ? "" : body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
