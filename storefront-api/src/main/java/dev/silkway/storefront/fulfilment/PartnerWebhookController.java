package dev.silkway.storefront.fulfilment;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/fulfilment/webhooks/partner}: the partner's callbacks. Checked before anything is read: the app
 * key and HMAC-SHA256 signature over {@code timestamp + "." + raw body} (401), the timestamp within the replay window
 * (400); then, in one transaction with what the callback changes, a signature seen before is a replay (400) and an
 * event id seen before a duplicate (200, nothing changes). A refused callback changes nothing.
 */
@RestController
class PartnerWebhookController {

    private final FulfilmentProperties properties;
    private final PartnerCallbacks callbacks;
    private final CallbackHandler handler;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    PartnerWebhookController(
            FulfilmentProperties properties,
            PartnerCallbacks callbacks,
            CallbackHandler handler,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock) {
        this.properties = properties;
        this.callbacks = callbacks;
        this.handler = handler;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Operation(
            summary =
                    "Receive a purchasing-partner callback: HMAC-SHA256 signed, 300 s window, replays refused, duplicates answered 200")
    @PostMapping("/api/v1/fulfilment/webhooks/partner")
    Map<String, String> receive(
            @RequestHeader(name = "X-Partner-Key", required = false) @Nullable String key,
            @RequestHeader(name = "X-Partner-Timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-Partner-Signature", required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] raw) {
        byte[] body = raw == null ? new byte[0] : raw;
        if (key == null || signature == null || !key.equals(properties.partner().appKey())) {
            throw FulfilmentProblems.CallbackRefused.forged();
        }
        long seconds = seconds(timestamp);
        if (Math.abs(clock.instant().getEpochSecond() - seconds)
                > properties.replayWindow().toSeconds()) {
            throw FulfilmentProblems.CallbackRefused.stale();
        }
        if (signature.length() > 128
                || !PartnerSignature.matches(properties.partner().appSecret(), seconds, body, signature)) {
            throw FulfilmentProblems.CallbackRefused.forged();
        }
        JsonNode event = parse(body);
        String eventId = event.path("eventId").asString("");
        String type = event.path("type").asString("");
        String reference = event.path("reference").asString("");
        if (eventId.isBlank()
                || eventId.length() > 128
                || type.isBlank()
                || type.length() > 64
                || reference.isBlank()
                || reference.length() > 64) {
            throw FulfilmentProblems.CallbackRefused.malformed("eventId, type and reference are required");
        }
        try {
            PartnerCallbacks.Receipt receipt = transactions.execute(tx -> {
                var r = callbacks.record(
                        eventId,
                        signature.toLowerCase(java.util.Locale.ROOT),
                        type,
                        reference,
                        new String(body, StandardCharsets.UTF_8));
                if (r == PartnerCallbacks.Receipt.REPLAYED) {
                    throw FulfilmentProblems.CallbackRefused.replayed();
                }
                if (r == PartnerCallbacks.Receipt.NEW) {
                    handler.handle(type, reference, event.path("data"));
                }
                return r;
            });
            return Map.of("status", receipt == PartnerCallbacks.Receipt.NEW ? "processed" : "duplicate");
        } catch (DuplicateKeyException e) {
            throw FulfilmentProblems.CallbackRefused.concurrent();
        }
    }

    private static long seconds(@Nullable String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            throw FulfilmentProblems.CallbackRefused.stale();
        }
        return Long.parseLong(timestamp);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw FulfilmentProblems.CallbackRefused.malformed("the body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw FulfilmentProblems.CallbackRefused.malformed("the body is not JSON");
        }
    }
}
