package dev.silkway.tracking.webhook;

import dev.silkway.tracking.carrier.CarrierWebhook;
import dev.silkway.tracking.carrier.TrackedParcel;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/carriers/webhooks/{carrier}}: no credential, but every delivery is verified by
 * its carrier's receiver (17TRACK's {@code sign}, CDEK's sender address and a re-fetch) before
 * anything is stored; the body is read up to {@link #MAX_BODY} bytes (beyond: 413).
 */
@RestController
@RequestMapping("/api/v1/carriers/webhooks")
class CarrierWebhooksController {

    static final int MAX_BODY = 256 * 1024;
    private static final Map<String, String> SOURCES = Map.of("17track", "17track", "cdek", "cdek-v2");
    private static final int MAX_HEADERS = 64;

    private final CarrierWebhook webhook;
    private final WebhookInbox inbox;

    CarrierWebhooksController(CarrierWebhook webhook, WebhookInbox inbox) {
        this.webhook = webhook;
        this.inbox = inbox;
    }

    @Operation(summary = "Receive a carrier's tracking webhook (17track, cdek), verified by the carrier's own means")
    @PostMapping("/{carrier}")
    Map<String, Object> receive(@PathVariable String carrier, HttpServletRequest request) throws IOException {
        String source = SOURCES.get(carrier);
        if (source == null) {
            throw WebhookProblem.unknownCarrier(carrier);
        }
        byte[] body = bounded(request);
        CarrierWebhook.Delivery delivery = new CarrierWebhook.Delivery(body, headers(request), request.getRemoteAddr());
        List<TrackedParcel> parcels = webhook.receive(carrier, delivery);
        WebhookInbox.Outcome outcome = inbox.accept(source, body, request.getRemoteAddr(), parcels);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("duplicate", outcome.duplicate());
        answer.put("parcels", outcome.parcels());
        answer.put("legs", outcome.legs());
        answer.put("newEvents", outcome.newEvents());
        return answer;
    }

    private static byte[] bounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw WebhookProblem.tooLarge(MAX_BODY);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw WebhookProblem.tooLarge(MAX_BODY);
            }
            return body;
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (headers.size() >= MAX_HEADERS) {
                break;
            }
            headers.put(name, request.getHeader(name));
        }
        return headers;
    }
}
