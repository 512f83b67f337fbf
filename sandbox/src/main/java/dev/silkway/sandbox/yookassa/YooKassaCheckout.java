package dev.silkway.sandbox.yookassa;

import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.webhook.WebhookSender;
import java.net.URI;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The payer's side: the confirmation page {@code GET /yookassa/checkout/{id}} (a small HTML page with Pay
 * and Decline, which return the browser to the shop's return_url), and the same actions as a sandbox-only
 * API for tests ({@code POST /yookassa/sandbox/payments/{id}/pay|decline|expire}), with the shop's settings
 * ({@code GET|PUT /yookassa/sandbox/settings}: notification URL, faults) and the notifications' counts.
 */
@RestController
class YooKassaCheckout {

    private final YooKassaLedger ledger;
    private final YooKassaActions actions;
    private final YooKassaSettings settings;
    private final WebhookSender sender;

    YooKassaCheckout(YooKassaLedger ledger, YooKassaActions actions, YooKassaSettings settings, WebhookSender sender) {
        this.ledger = ledger;
        this.actions = actions;
        this.settings = settings;
        this.sender = sender;
    }

    @GetMapping(value = "/yookassa/checkout/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String id) {
        return ledger.payment(id)
                .map(p -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html(p)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_HTML)
                        .body("<!doctype html><p>No such payment.</p>"));
    }

    @PostMapping("/yookassa/checkout/{id}/pay")
    ResponseEntity<Void> payFromPage(@PathVariable String id) {
        return back(id, actions::pay);
    }

    @PostMapping("/yookassa/checkout/{id}/decline")
    ResponseEntity<Void> declineFromPage(@PathVariable String id) {
        return back(id, p -> actions.cancel(p, "payment_network", "insufficient_funds", true));
    }

    @PostMapping("/yookassa/sandbox/payments/{id}/pay")
    ResponseEntity<String> pay(@PathVariable String id) {
        return act(id, actions::pay);
    }

    @PostMapping("/yookassa/sandbox/payments/{id}/decline")
    ResponseEntity<String> decline(@PathVariable String id) {
        return act(id, p -> actions.cancel(p, "payment_network", "insufficient_funds", true));
    }

    @PostMapping("/yookassa/sandbox/payments/{id}/expire")
    ResponseEntity<String> expire(@PathVariable String id) {
        return act(id, p -> actions.cancel(p, "yoo_money", "expired_on_confirmation", true));
    }

    @GetMapping("/yookassa/sandbox/settings")
    YooKassaSettings.Settings settings() {
        return settings.current();
    }

    @PutMapping("/yookassa/sandbox/settings")
    YooKassaSettings.Settings replace(@RequestBody YooKassaSettings.Settings replacement) {
        settings.replace(replacement);
        return replacement;
    }

    @GetMapping("/yookassa/sandbox/webhooks")
    WebhookSender.Counts webhooks() {
        return sender.counts();
    }

    private ResponseEntity<String> act(String id, Predicate<YooKassaLedger.Payment> action) {
        return ledger.payment(id)
                .map(p -> action.test(p)
                        ? SandboxJson.ok(p.json())
                        : YooKassaErrors.invalidRequest("Payment is " + p.status + ", not pending", "payment_id"))
                .orElseGet(() -> YooKassaErrors.notFound("Payment"));
    }

    private ResponseEntity<Void> back(String id, Predicate<YooKassaLedger.Payment> action) {
        return ledger.payment(id)
                .<ResponseEntity<Void>>map(p -> {
                    action.test(p);
                    return ResponseEntity.status(HttpStatus.SEE_OTHER)
                            .location(URI.create(p.returnUrl == null ? "/yookassa/checkout/" + id : p.returnUrl))
                            .build();
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static String html(YooKassaLedger.Payment p) {
        String id = HtmlUtils.htmlEscape(p.id);
        String what = HtmlUtils.htmlEscape(p.description == null ? "Payment" : p.description);
        String amount = p.amount.value() + " " + p.amount.currency();
        String actions = p.status.equals("pending")
                ? """
                <form method="post" action="/yookassa/checkout/%1$s/pay"><button>Pay %2$s</button></form>
                <form method="post" action="/yookassa/checkout/%1$s/decline"><button>Decline</button></form>
                """.formatted(id, amount)
                : "<p>This payment is " + HtmlUtils.htmlEscape(p.status) + ".</p>";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>YooKassa sandbox</title></head>
                <body><h1>YooKassa sandbox</h1><p>%s</p><p><strong>%s</strong></p>%s
                <p><small>Sandbox: no card data is asked for or kept.</small></p></body></html>
                """.formatted(what, amount, actions);
    }
}
