package dev.silkway.storefront.payment.stripe;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Stripe's REST API: form-encoded requests with {@code Authorization: Bearer sk_...}, the pinned
 * {@code Stripe-Version} and, on every POST, the caller's {@code Idempotency-Key}. The shopper pays on a Checkout
 * Session (mode=payment, one line for the order) whose {@code url} is the confirmation page; the payment is its
 * PaymentIntent ({@code pi_...}, the provider payment id). Errors {@code {error:{type, code, message}}} become
 * {@link PaymentProviderRefused} (4xx) or, for 429, 5xx and Stripe's "try again" 409, retries and then
 * {@link PaymentProviderUnavailable}.
 */
final class StripeGateway implements PaymentGateway {

    /** Stripe's bounds on a Checkout Session's expires_at: 30 minutes to 24 hours from its creation. */
    private static final Duration SHORTEST = Duration.ofMinutes(31);

    private static final Duration LONGEST = Duration.ofHours(24).minusMinutes(1);

    private final StripeProperties properties;
    private final ProviderHttp http;
    private final StripeSignature signature;
    private final ObjectMapper json;
    private final Clock clock;

    StripeGateway(StripeProperties properties, ProviderHttp http, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.signature = new StripeSignature(properties.webhookSecret(), properties.signatureTolerance());
        this.json = json;
        this.clock = clock;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.STRIPE;
    }

    @Override
    public ProviderPayment create(PaymentRequest request) {
        String currency = StripeAmounts.currency(request.currency());
        StripeForm form = new StripeForm()
                .add("mode", "payment")
                .add("line_items[0][price_data][currency]", currency)
                .add("line_items[0][price_data][unit_amount]", StripeAmounts.toStripe(request.amountMinor(), currency))
                .add("line_items[0][price_data][product_data][name]", "Silkway order " + request.orderNumber())
                .add("line_items[0][quantity]", 1)
                .add("success_url", request.returnUrl())
                .add("cancel_url", request.returnUrl())
                .add("client_reference_id", request.orderId().toString())
                .add("expires_at", expiresAt(request.expiresAt()).getEpochSecond())
                .hash("metadata", references(request))
                .hash("payment_intent_data[metadata]", references(request))
                .add("payment_intent_data[description]", truncated(request.description(), 1000));
        JsonNode session = post("checkout/sessions", form, request.idempotencyKey());
        if (!session.path("payment_intent").isString()) {
            throw PaymentProviderRefused.of(
                    PaymentProvider.STRIPE,
                    "no_payment_intent",
                    "the Checkout Session came without its PaymentIntent; is Stripe-Version " + properties.apiVersion()
                            + " in force?");
        }
        return StripeObjects.session(session);
    }

    @Override
    public ProviderPayment fetch(String providerPaymentId) {
        return StripeObjects.intent(get("payment_intents/" + encode(providerPaymentId)));
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        String currency = StripeAmounts.currency(request.currency());
        StripeForm form = new StripeForm()
                .add("payment_intent", request.providerPaymentId())
                .add("amount", StripeAmounts.toStripe(request.amountMinor(), currency))
                .add("reason", "requested_by_customer")
                .add("metadata[refund_id]", request.refundId().toString())
                .add("metadata[reason]", truncated(request.reason(), 500));
        return StripeObjects.refund(post("refunds", form, request.idempotencyKey()));
    }

    @Override
    public ProviderRefund fetchRefund(String providerRefundId) {
        return StripeObjects.refund(get("refunds/" + encode(providerRefundId)));
    }

    /** Every PaymentIntent created in [from, to), newest first, page after page up to {@code max-pages}. */
    @Override
    public List<ProviderPayment> payments(Instant from, Instant to) {
        long lt = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        List<ProviderPayment> payments = new ArrayList<>();
        String after = null;
        for (int page = 0; page < properties.bounds().maxPages(); page++) {
            String query =
                    "payment_intents?limit=" + properties.bounds().pageSize() + "&" + encode("created[gte]") + "="
                            + from.getEpochSecond() + "&" + encode("created[lt]") + "=" + lt
                            + (after == null ? "" : "&starting_after=" + encode(after));
            JsonNode list = get(query);
            for (JsonNode intent : list.path("data")) {
                Instant created = Instant.ofEpochSecond(intent.path("created").asLong());
                if (!created.isBefore(from.minusNanos(from.getNano())) && created.isBefore(to)) {
                    payments.add(StripeObjects.intent(intent));
                }
                after = intent.path("id").asString();
            }
            if (!list.path("has_more").asBoolean(false) || after == null) {
                return payments;
            }
        }
        throw PaymentProviderUnavailable.of(
                PaymentProvider.STRIPE,
                "more than " + properties.bounds().maxPages() + " pages of payments in " + from + ".." + to
                        + "; list a shorter window",
                new IllegalStateException("page limit"));
    }

    @Override
    public WebhookEvent read(WebhookDelivery delivery) {
        signature.verify(first(delivery.headers(), "stripe-signature"), delivery.body(), clock.instant());
        String payload = new String(delivery.body(), StandardCharsets.UTF_8);
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw WebhookRejected.malformed("a Stripe event that is not JSON");
        }
        String id = event.path("id").asString("");
        String type = event.path("type").asString("");
        JsonNode object = event.path("data").path("object");
        if (!id.startsWith("evt_") || type.isEmpty() || !object.isObject()) {
            throw WebhookRejected.malformed("not a Stripe event (id, type and data.object expected)");
        }
        ProviderPayment payment = switch (object.path("object").asString("")) {
            case "payment_intent" -> StripeObjects.intent(object);
            case "checkout.session" -> object.path("payment_intent").isString() ? StripeObjects.session(object) : null;
            default -> null;
        };
        ProviderRefund refund =
                object.path("object").asString("").equals("refund") ? StripeObjects.refund(object) : null;
        return new WebhookEvent(PaymentProvider.STRIPE, id, type, payment, refund, payload);
    }

    private JsonNode post(String path, StripeForm form, String idempotencyKey) {
        String body = form.encoded();
        return http.call(
                () -> request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                this::decode);
    }

    private JsonNode get(String pathAndQuery) {
        return http.call(() -> request(pathAndQuery).GET(), this::decode);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(properties.uri(pathAndQuery))
                .header("Authorization", "Bearer " + properties.secretKey())
                .header("Stripe-Version", properties.apiVersion())
                .header("Accept", "application/json");
    }

    private JsonNode decode(Answer answer) {
        JsonNode body = parse(answer);
        if (answer.status() >= 200 && answer.status() < 300 && body.isObject()) {
            return body;
        }
        JsonNode error = body.path("error");
        String type = error.path("type").asString("");
        if (answer.headers().firstValue("Stripe-Should-Retry").orElse("").equals("true")
                || (answer.status() == 409 && !type.equals("idempotency_error"))) {
            throw http.unavailable(answer.status(), type);
        }
        String code = error.path("code").isString() ? error.path("code").asString() : type;
        String message = error.path("message").asString("HTTP " + answer.status());
        throw PaymentProviderRefused.of(
                PaymentProvider.STRIPE, code.isEmpty() ? "http_" + answer.status() : code, truncated(message, 200));
    }

    private JsonNode parse(Answer answer) {
        try {
            return json.readTree(answer.text());
        } catch (JacksonException e) {
            if (answer.status() >= 200 && answer.status() < 300) {
                throw PaymentProviderUnavailable.of(PaymentProvider.STRIPE, "an answer that is not JSON", e);
            }
            return json.createObjectNode();
        }
    }

    private Instant expiresAt(Instant wanted) {
        Instant now = clock.instant();
        Instant shortest = now.plus(SHORTEST);
        Instant longest = now.plus(LONGEST);
        return wanted.isBefore(shortest) ? shortest : wanted.isAfter(longest) ? longest : wanted;
    }

    private static Map<String, String> references(PaymentRequest request) {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("order_id", request.orderId().toString());
        references.put("order_number", request.orderNumber());
        references.put("payment_id", request.paymentId().toString());
        references.put("attempt", Integer.toString(request.attempt()));
        return references;
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String truncated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
