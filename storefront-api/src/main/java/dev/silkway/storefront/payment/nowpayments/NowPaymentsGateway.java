package dev.silkway.storefront.payment.nowpayments;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.storefront.payment.PaymentGateway;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import dev.silkway.storefront.payment.PaymentProviderUnavailable;
import dev.silkway.storefront.payment.PaymentRequest;
import dev.silkway.storefront.payment.ProviderPayment;
import dev.silkway.storefront.payment.ProviderRefund;
import dev.silkway.storefront.payment.RefundRequest;
import dev.silkway.storefront.payment.WebhookDelivery;
import dev.silkway.storefront.payment.WebhookEvent;
import dev.silkway.storefront.payment.WebhookRejected;
import dev.silkway.storefront.payment.http.ProviderHttp;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * NOWPayments' API: {@code x-api-key} on every call; {@code POST /v1/invoice} creates the invoice the shopper pays on
 * its {@code invoice_url} in the coin they pick; the payments of an invoice are read from the payment list
 * ({@code GET /v1/payment/?invoiceId=}), which also needs {@code Authorization: Bearer} the JWT of
 * {@code POST /v1/auth}. Errors {@code {status:false, statusCode, code, message}} become
 * {@link PaymentProviderRefused}; 429 and 5xx are retried, then {@link PaymentProviderUnavailable}.
 *
 * <p>NOWPayments takes no idempotency key: a create retried after a timeout may leave a second invoice, which nobody
 * is shown and nobody pays (the attempt keeps the id of the one answered).
 *
 * <p>Refunds: NOWPayments has no refund of a payment. Coins go back only as a payout ({@code POST /v1/payout}, JWT)
 * to a wallet address the shopper gives, and every payout must then be confirmed with the account's 2FA code
 * ({@code POST /v1/payout/{id}/verify}); a refund request carries no address, and an unattended service holding the
 * 2FA secret would defeat the 2FA. So {@link #refund} is refused ({@code refund_not_supported}): operators pay the
 * shopper back from the NOWPayments dashboard (Payouts, to the address the shopper confirms) and record it.
 */
final class NowPaymentsGateway implements PaymentGateway {

    static final String REFUND_NOT_SUPPORTED = "refund_not_supported";

    private final NowPaymentsProperties properties;
    private final ProviderHttp http;
    private final NowPaymentsToken token;
    private final IpnSignature signature;
    private final ObjectMapper json;

    NowPaymentsGateway(NowPaymentsProperties properties, ProviderHttp http, ObjectMapper json) {
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.signature = new IpnSignature(properties.ipnSecret());
        this.token = new NowPaymentsToken(properties, http, json, this::decode);
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.NOWPAYMENTS;
    }

    @Override
    public ProviderPayment create(PaymentRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("price_amount", NowPaymentsAmounts.price(request.amountMinor(), request.currency()))
                .put("price_currency", NowPaymentsAmounts.currency(request.currency()))
                .put("order_id", request.orderId().toString())
                .put("order_description", "Silkway order " + request.orderNumber())
                .put("ipn_callback_url", properties.ipnCallbackUrl().toString())
                .put("success_url", request.returnUrl())
                .put("cancel_url", request.returnUrl());
        if (request.payCurrency() != null) {
            body.put("pay_currency", request.payCurrency().toLowerCase());
        }
        String text = json.writeValueAsString(body);
        JsonNode invoice;
        try {
            invoice = http.call(
                    () -> request("invoice")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(text)),
                    this::decode);
        } catch (NowPaymentsToken.Expired refused) {
            throw refused.refused("the API key was refused");
        }
        String id = invoice.path("id").isNumber()
                ? invoice.path("id").bigIntegerValue().toString()
                : invoice.path("id").asString("");
        if (id.isBlank() || !invoice.path("invoice_url").isString()) {
            throw PaymentProviderUnavailable.of(
                    PaymentProvider.NOWPAYMENTS, "an invoice without id or invoice_url", new IllegalStateException());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("invoice_id", id);
        return new ProviderPayment(
                PaymentProvider.NOWPAYMENTS,
                id,
                ProviderPayment.Status.PENDING,
                "waiting",
                request.amountMinor(),
                request.currency().toUpperCase(),
                0,
                invoice.path("invoice_url").asString(),
                null,
                request.orderId().toString(),
                details);
    }

    /** The invoice's payment as NOWPayments has it; "waiting" with nothing paid while no coin was sent. */
    @Override
    public ProviderPayment fetch(String invoiceId) {
        List<JsonNode> payments = list("invoiceId=" + encode(invoiceId), 1);
        JsonNode chosen = NowPaymentsObjects.chosen(payments);
        if (chosen != null) {
            return NowPaymentsObjects.payment(chosen);
        }
        return new ProviderPayment(
                PaymentProvider.NOWPAYMENTS,
                invoiceId,
                ProviderPayment.Status.PENDING,
                "waiting",
                0,
                "",
                0,
                null,
                null,
                null,
                Map.of("invoice_id", invoiceId));
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        throw refusedRefund();
    }

    @Override
    public ProviderRefund fetchRefund(String providerRefundId) {
        throw refusedRefund();
    }

    /** One payment per invoice created in [from, to) (the list is by day; the window is cut here). */
    @Override
    public List<ProviderPayment> payments(Instant from, Instant to) {
        String window = "dateFrom=" + from.atOffset(ZoneOffset.UTC).toLocalDate() + "&dateTo="
                + to.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Map<String, List<JsonNode>> byInvoice = new LinkedHashMap<>();
        for (JsonNode payment : list(window, properties.bounds().maxPages())) {
            Instant created = instant(payment.path("created_at").asString(""));
            if (created != null && !created.isBefore(from) && created.isBefore(to)) {
                byInvoice
                        .computeIfAbsent(NowPaymentsObjects.id(payment), id -> new ArrayList<>())
                        .add(payment);
            }
        }
        List<ProviderPayment> payments = new ArrayList<>();
        byInvoice.values().forEach(all -> payments.add(NowPaymentsObjects.payment(NowPaymentsObjects.chosen(all))));
        return payments;
    }

    /**
     * An IPN: its signature verified, the payment read. The dedup key is the payment, its status and the amount
     * paid, so each real change is one event and a resent IPN a duplicate.
     */
    @Override
    public WebhookEvent read(WebhookDelivery delivery) {
        List<String> header = delivery.headers().get("x-nowpayments-sig");
        JsonNode body =
                signature.verify(header == null || header.isEmpty() ? null : header.getFirst(), delivery.body());
        String status = body.path("payment_status").asString("");
        if (status.isEmpty() || !body.path("payment_id").isValueNode()) {
            throw WebhookRejected.malformed("an IPN without payment_id or payment_status");
        }
        ProviderPayment payment = NowPaymentsObjects.payment(body);
        String dedup = body.path("payment_id").asString() + ":" + status + ":"
                + NowPaymentsObjects.decimal(body.path("actually_paid"))
                        .stripTrailingZeros()
                        .toPlainString();
        return new WebhookEvent(
                PaymentProvider.NOWPAYMENTS,
                dedup,
                "payment." + status,
                payment,
                null,
                new String(delivery.body(), StandardCharsets.UTF_8));
    }

    /** Every page of the payment list matching {@code filter}, oldest first, at most {@code pages} pages. */
    private List<JsonNode> list(String filter, int pages) {
        List<JsonNode> payments = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            String query = "payment/?limit=" + properties.bounds().pageSize() + "&page=" + page
                    + "&sortBy=created_at&orderBy=asc&" + filter;
            JsonNode answer = token.authorized(jwt -> http.call(
                    () -> request(query)
                            .header("Authorization", "Bearer " + jwt)
                            .GET(),
                    this::decode));
            answer.path("data").forEach(payments::add);
            if (page + 1 >= answer.path("pagesCount").asInt(0)) {
                return payments;
            }
        }
        throw PaymentProviderUnavailable.of(
                PaymentProvider.NOWPAYMENTS,
                "more than " + pages + " pages of payments; list a shorter window",
                new IllegalStateException("page limit"));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(properties.uri(pathAndQuery))
                .header("x-api-key", properties.apiKey())
                .header("Accept", "application/json");
    }

    JsonNode decode(Answer answer) {
        JsonNode body;
        try {
            body = json.readTree(answer.text());
        } catch (JacksonException e) {
            if (answer.status() >= 200 && answer.status() < 300) {
                throw PaymentProviderUnavailable.of(PaymentProvider.NOWPAYMENTS, "an answer that is not JSON", e);
            }
            body = json.createObjectNode();
        }
        if (answer.status() >= 200 && answer.status() < 300 && body.isObject()) {
            return body;
        }
        String code = body.path("code").asString("http_" + answer.status());
        String message = body.path("message").asString("HTTP " + answer.status());
        if (answer.status() == 401) {
            throw NowPaymentsToken.Expired.of(code);
        }
        throw PaymentProviderRefused.of(
                PaymentProvider.NOWPAYMENTS, code, message.length() > 200 ? message.substring(0, 200) : message);
    }

    private static PaymentProviderRefused refusedRefund() {
        return PaymentProviderRefused.of(
                PaymentProvider.NOWPAYMENTS,
                REFUND_NOT_SUPPORTED,
                "NOWPayments cannot refund a crypto payment; an operator pays the shopper back as a payout from the"
                        + " NOWPayments dashboard to the address the shopper confirms (2FA), then records the refund");
    }

    private static @Nullable Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
