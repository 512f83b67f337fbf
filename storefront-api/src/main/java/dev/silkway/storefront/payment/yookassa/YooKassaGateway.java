package dev.silkway.storefront.payment.yookassa;

import dev.silkway.storefront.payment.PaymentGateway;
import dev.silkway.storefront.payment.PaymentProvider;
import dev.silkway.storefront.payment.PaymentProviderRefused;
import dev.silkway.storefront.payment.PaymentRequest;
import dev.silkway.storefront.payment.ProviderPayment;
import dev.silkway.storefront.payment.ProviderRefund;
import dev.silkway.storefront.payment.RefundRequest;
import dev.silkway.storefront.payment.WebhookDelivery;
import dev.silkway.storefront.payment.WebhookEvent;
import dev.silkway.storefront.payment.WebhookRejected;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * YooKassa as a {@link PaymentGateway}: one-stage payments ({@code capture: true}) with a redirect
 * confirmation, refunds, the cursor-paged list, and notifications: from a configured network only, and
 * the payment or refund then re-fetched from the API, so that only YooKassa's own word is trusted.
 */
@Component
@EnableConfigurationProperties(YooKassaProperties.class)
class YooKassaGateway implements PaymentGateway {

    /** Pages read at most by one {@link #payments} call (100 items each). */
    private static final int MAX_PAGES = 1000;

    private static final int MAX_DESCRIPTION = 128;

    private final YooKassaApi api;
    private final YooKassaProperties properties;
    private final Networks networks;
    private final ObjectMapper json;

    YooKassaGateway(YooKassaProperties properties, ObjectMapper json) {
        this.api = new YooKassaApi(properties, json);
        this.properties = properties;
        this.networks = Networks.of(properties.notificationNetworks());
        this.json = json;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.YOOKASSA;
    }

    @Override
    public ProviderPayment create(PaymentRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount(request.amountMinor(), request.currency()));
        body.put("capture", true);
        body.put("confirmation", Map.of("type", "redirect", "return_url", request.returnUrl()));
        String description = request.description();
        body.put(
                "description",
                description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) : description);
        if (request.kind() == PaymentRequest.PaymentKind.EWALLET) {
            body.put("payment_method_data", Map.of("type", "yoo_money"));
        }
        body.put(
                "metadata",
                Map.of(
                        "order_id", request.orderId().toString(),
                        "order_number", request.orderNumber(),
                        "payment_id", request.paymentId().toString(),
                        "attempt", Integer.toString(request.attempt())));
        return YooKassaObjects.payment(api.post("/payments", request.idempotencyKey(), body));
    }

    @Override
    public ProviderPayment fetch(String providerPaymentId) {
        return YooKassaObjects.payment(api.get("/payments/" + encode(providerPaymentId)));
    }

    /** Captures a payment waiting for capture (two-stage payments; ours are one-stage). */
    ProviderPayment capture(String providerPaymentId, String idempotencyKey) {
        return YooKassaObjects.payment(
                api.post("/payments/" + encode(providerPaymentId) + "/capture", idempotencyKey, Map.of()));
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment_id", request.providerPaymentId());
        body.put("amount", amount(request.amountMinor(), request.currency()));
        String reason = request.reason();
        body.put("description", reason.length() > 250 ? reason.substring(0, 250) : reason);
        return YooKassaObjects.refund(api.post("/refunds", request.idempotencyKey(), body));
    }

    @Override
    public ProviderRefund fetchRefund(String providerRefundId) {
        return YooKassaObjects.refund(api.get("/refunds/" + encode(providerRefundId)));
    }

    @Override
    public List<ProviderPayment> payments(Instant from, Instant to) {
        List<ProviderPayment> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = "/payments?created_at.gte=" + encode(from.toString()) + "&created_at.lt="
                    + encode(to.toString()) + "&limit=" + properties.pageSize()
                    + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonNode list = api.get(path);
            list.path("items").forEach(item -> all.add(YooKassaObjects.payment(item)));
            cursor = list.path("next_cursor").asString(null);
            if (cursor == null || cursor.isBlank()) {
                return all;
            }
        }
        throw PaymentProviderRefused.of(provider(), "too_many_pages", "more than " + MAX_PAGES + " pages listed");
    }

    @Override
    public WebhookEvent read(WebhookDelivery delivery) {
        if (!networks.contain(delivery.remoteAddress())) {
            throw WebhookRejected.unauthenticated("not from a YooKassa notification network");
        }
        JsonNode body;
        try {
            body = json.readTree(delivery.body());
        } catch (JacksonException e) {
            throw WebhookRejected.malformed("not JSON");
        }
        String event = body == null ? "" : body.path("event").asString("");
        String id = body == null ? "" : body.path("object").path("id").asString("");
        if (!body.path("type").asString("").equals("notification")
                || event.isBlank()
                || id.isBlank()
                || id.length() > 128) {
            throw WebhookRejected.malformed("not a YooKassa notification");
        }
        try {
            if (event.startsWith("payment.")) {
                ProviderPayment payment = fetch(id);
                return new WebhookEvent(
                        provider(),
                        event + ":" + id + ":" + payment.providerStatus(),
                        event,
                        payment,
                        null,
                        body.toString());
            }
            if (event.startsWith("refund.")) {
                ProviderRefund refund = fetchRefund(id);
                return new WebhookEvent(
                        provider(),
                        event + ":" + id + ":" + refund.providerStatus(),
                        event,
                        null,
                        refund,
                        body.toString());
            }
        } catch (PaymentProviderRefused e) {
            throw WebhookRejected.malformed("YooKassa does not know the object of this notification");
        }
        throw WebhookRejected.malformed("an event this shop does not handle: " + event);
    }

    private static Map<String, String> amount(long minor, String currency) {
        return Map.of("value", YooKassaAmounts.format(minor), "currency", currency);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
