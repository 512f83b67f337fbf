package dev.silkway.storefront.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/payments/webhooks/{yookassa|stripe|nowpayments}}: the raw body (at most
 * {@code silkway.payments.max-webhook-body}), authenticated and read by the provider's gateway, then
 * processed once. 200 for a new event and for a duplicate; 400 / 401 for a delivery not trusted (nothing
 * changes); 503 when the provider cannot be asked to confirm it (the provider delivers it again).
 */
@RestController
@Tag(name = "Payments")
class PaymentWebhooksController {

    private final Gateways gateways;
    private final WebhookProcessing processing;
    private final PaymentsProperties properties;
    private final Clock clock;

    PaymentWebhooksController(
            Gateways gateways, WebhookProcessing processing, PaymentsProperties properties, Clock clock) {
        this.gateways = gateways;
        this.processing = processing;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/payments/webhooks/{provider}")
    @Operation(
            summary = "Receive a payment provider's webhook (yookassa, stripe, nowpayments)",
            description = "The provider's own event as raw JSON: YooKassa's only from its networks and re-fetched,"
                    + " Stripe's and NOWPayments' signed. 200 also for a duplicate (duplicate: true); 400/401 when"
                    + " not trusted; 503 when the provider cannot confirm it.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    ResponseEntity<Map<String, Object>> receive(@PathVariable String provider, HttpServletRequest http)
            throws IOException {
        PaymentProvider which = switch (provider.toLowerCase(Locale.ROOT)) {
            case "yookassa" -> PaymentProvider.YOOKASSA;
            case "stripe" -> PaymentProvider.STRIPE;
            case "nowpayments" -> PaymentProvider.NOWPAYMENTS;
            default -> throw WebhookRejected.malformed("unknown provider");
        };
        byte[] body = body(http);
        InetAddress from = InetAddress.ofLiteral(http.getRemoteAddr());
        WebhookEvent event = gateways.of(which).read(new WebhookDelivery(headers(http), body, from, clock.instant()));
        boolean fresh = processing.process(event, from);
        return ResponseEntity.ok(Map.of("received", true, "duplicate", !fresh));
    }

    private byte[] body(HttpServletRequest http) throws IOException {
        long max = properties.maxWebhookBody().toBytes();
        if (http.getContentLengthLong() > max) {
            throw WebhookRejected.malformed("body larger than " + max + " bytes");
        }
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes((int) max + 1);
            if (body.length > max) {
                throw WebhookRejected.malformed("body larger than " + max + " bytes");
            }
            return body;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(Collections.list(http.getHeaders(name))));
        }
        return headers;
    }
}
