package dev.silkway.sandbox.stripe;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The hosted Checkout page of a session ({@code GET /stripe/checkout/pay/{id}}, the session's {@code url}) with Pay and
 * Decline, no card fields (the sandbox takes no card data), and the same actions as API calls for tests:
 * {@code POST /stripe/sandbox/checkout/{id}/pay|decline}.
 */
@RestController
class StripeCheckoutPage {

    private final StripeAccount account;

    StripeCheckoutPage(StripeAccount account) {
        this.account = account;
    }

    @GetMapping("/stripe/checkout/pay/{id}")
    ResponseEntity<String> page(@PathVariable String id) {
        return html(HttpStatus.OK, render(account.session(id), null));
    }

    @PostMapping("/stripe/checkout/pay/{id}/pay")
    ResponseEntity<String> pay(@PathVariable String id) {
        try {
            StripeSession session = account.pay(id);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id)))
                    .build();
        } catch (StripeRefused refused) {
            return html(HttpStatus.CONFLICT, render(account.session(id), "This session is no longer open."));
        }
    }

    @PostMapping("/stripe/checkout/pay/{id}/decline")
    ResponseEntity<String> decline(@PathVariable String id) {
        try {
            return html(HttpStatus.PAYMENT_REQUIRED, render(account.decline(id), "Your card was declined."));
        } catch (StripeRefused refused) {
            return html(HttpStatus.CONFLICT, render(account.session(id), "This session is no longer open."));
        }
    }

    @PostMapping("/stripe/sandbox/checkout/{id}/pay")
    ResponseEntity<String> payByApi(@PathVariable String id) {
        return act(() -> account.pay(id));
    }

    @PostMapping("/stripe/sandbox/checkout/{id}/decline")
    ResponseEntity<String> declineByApi(@PathVariable String id) {
        return act(() -> account.decline(id));
    }

    private static ResponseEntity<String> act(java.util.function.Supplier<StripeSession> action) {
        try {
            return SandboxJson.ok(action.get().json());
        } catch (StripeRefused refused) {
            return refused.answer();
        }
    }

    private static String render(StripeSession session, String notice) {
        String amount =
                BigDecimal.valueOf(session.amountTotal, 2).toPlainString() + " " + session.currency.toUpperCase();
        String actions = session.status.equals("open")
                ? """
                  <form method="post" action="/stripe/checkout/pay/%1$s/pay"><button>Pay %2$s</button></form>
                  <form method="post" action="/stripe/checkout/pay/%1$s/decline"><button>Decline</button></form>
                  """.formatted(HtmlUtils.htmlEscape(session.id), HtmlUtils.htmlEscape(amount))
                : "<p>Session " + HtmlUtils.htmlEscape(session.status) + ".</p>";
        String back = session.cancelUrl == null
                ? ""
                : "<p><a href=\"" + HtmlUtils.htmlEscape(session.cancelUrl) + "\">Back to the shop</a></p>";
        return """
               <!doctype html><html><head><meta charset="utf-8"><title>Stripe Checkout (sandbox)</title></head>
               <body><h1>Stripe Checkout — sandbox</h1><p>%s</p><p><b>%s</b></p>%s%s%s</body></html>
               """.formatted(
                        HtmlUtils.htmlEscape(session.productName),
                        HtmlUtils.htmlEscape(amount),
                        notice == null ? "" : "<p><b>" + HtmlUtils.htmlEscape(notice) + "</b></p>",
                        actions,
                        back);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }
}
