package dev.silkway.sandbox.nowpayments;

import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The hosted invoice page ({@code GET /nowpayments/payment/?iid=}, the invoice's {@code invoice_url}) with Pay, Pay
 * partially, Overpay, Fail and Let it expire, and the same as API calls for tests:
 * {@code POST /nowpayments/sandbox/invoices/{iid}/pay|partial|overpay|fail|expire} answering the payment's JSON.
 */
@RestController
class NowPaymentsPage {

    private final NowPaymentsAccount account;

    NowPaymentsPage(NowPaymentsAccount account) {
        this.account = account;
    }

    @GetMapping("/nowpayments/payment/")
    ResponseEntity<String> page(@RequestParam String iid) {
        NowInvoice invoice = account.invoice(iid);
        if (invoice == null) {
            return html(HttpStatus.NOT_FOUND, "<p>No such invoice.</p>");
        }
        return html(HttpStatus.OK, render(invoice, null));
    }

    @PostMapping("/nowpayments/payment/{iid}/{outcome}")
    ResponseEntity<String> act(@PathVariable String iid, @PathVariable String outcome) {
        NowInvoice invoice = account.invoice(iid);
        NowPaymentsAccount.Outcome chosen = outcome(outcome);
        if (invoice == null || chosen == null) {
            return html(HttpStatus.NOT_FOUND, "<p>No such invoice or action.</p>");
        }
        NowPayment payment = account.act(iid, chosen);
        if (payment == null) {
            return html(HttpStatus.CONFLICT, render(invoice, "This invoice is over."));
        }
        if (payment.status.equals("finished") && invoice.successUrl() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(java.net.URI.create(invoice.successUrl()))
                    .build();
        }
        return html(HttpStatus.OK, render(invoice, "Payment " + payment.status + "."));
    }

    @PostMapping("/nowpayments/sandbox/invoices/{iid}/{outcome}")
    ResponseEntity<String> actByApi(@PathVariable String iid, @PathVariable String outcome) {
        NowPaymentsAccount.Outcome chosen = outcome(outcome);
        NowPayment payment = chosen == null ? null : account.act(iid, chosen);
        if (payment == null) {
            return NowPaymentsErrors.invalid("no open invoice " + iid + " or no action " + outcome);
        }
        return SandboxJson.ok(payment.json());
    }

    private static NowPaymentsAccount.@Nullable Outcome outcome(String text) {
        try {
            return NowPaymentsAccount.Outcome.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String render(NowInvoice invoice, @Nullable String notice) {
        String id = HtmlUtils.htmlEscape(invoice.id());
        StringBuilder actions = new StringBuilder();
        for (String[] action : new String[][] {
            {"pay", "Pay"},
            {"partial", "Pay partially"},
            {"overpay", "Overpay"},
            {"fail", "Fail"},
            {"expire", "Let it expire"}
        }) {
            actions.append("<form method=\"post\" action=\"/nowpayments/payment/")
                    .append(id)
                    .append('/')
                    .append(action[0])
                    .append("\"><button>")
                    .append(action[1])
                    .append("</button></form>");
        }
        String back = invoice.cancelUrl() == null
                ? ""
                : "<p><a href=\"" + HtmlUtils.htmlEscape(invoice.cancelUrl()) + "\">Back to the shop</a></p>";
        return "<h1>NOWPayments — sandbox</h1><p>" + HtmlUtils.htmlEscape(String.valueOf(invoice.orderDescription()))
                + "</p><p><b>" + invoice.priceAmount().toPlainString() + " "
                + HtmlUtils.htmlEscape(invoice.priceCurrency().toUpperCase(Locale.ROOT)) + "</b></p>"
                + (notice == null ? "" : "<p><b>" + HtmlUtils.htmlEscape(notice) + "</b></p>") + actions + back;
    }

    private static ResponseEntity<String> html(HttpStatus status, String content) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>NOWPayments (sandbox)</title></head>"
                        + "<body>" + content + "</body></html>");
    }
}
