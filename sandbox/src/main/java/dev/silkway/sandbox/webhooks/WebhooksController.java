package dev.silkway.sandbox.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /sandbox/admin/webhooks}: the misbehaviour rates of webhook deliveries;
 * {@code GET|DELETE /sandbox/admin/webhooks/deliveries[?source=]}: the attempts made.
 */
@RestController
class WebhooksController {

    private final WebhookSender sender;
    private final WebhookDeliveries deliveries;

    WebhooksController(WebhookSender sender, WebhookDeliveries deliveries) {
        this.sender = sender;
        this.deliveries = deliveries;
    }

    @GetMapping("/sandbox/admin/webhooks")
    WebhookProperties.WebhookRates rates() {
        return sender.rates();
    }

    @PutMapping("/sandbox/admin/webhooks")
    WebhookProperties.WebhookRates replace(@RequestBody WebhookProperties.WebhookRates rates) {
        sender.replace(rates);
        return rates;
    }

    @GetMapping("/sandbox/admin/webhooks/deliveries")
    List<WebhookDeliveries.Attempt> deliveries(@RequestParam(required = false) @Nullable String source) {
        return deliveries.of(source);
    }

    @DeleteMapping("/sandbox/admin/webhooks/deliveries")
    ResponseEntity<Void> clear() {
        deliveries.clear();
        return ResponseEntity.noContent().build();
    }
}
