package dev.silkway.storefront.fulfilment;

import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.OutboundFailed;
import dev.silkway.platform.outbound.OutboundHttp;
import dev.silkway.platform.outbound.PacedHttp;
import dev.silkway.platform.pacing.RateLimiter;
import dev.silkway.platform.retry.Retry;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The purchasing partner's API ({@code POST /partner/v1/purchases}, {@code POST /partner/v1/parcels}; the protocol is
 * documented in the sandbox's {@code dev.silkway.sandbox.partner}): each request signed afresh, every attempt a paced,
 * bounded call ({@link PacedHttp}), 429/5xx/timeouts retried by the platform's {@link Retry}. The partner is idempotent on
 * our reference, so a request sent again after a lost answer buys nothing twice.
 */
@Component
class PartnerClient {

    /** A line to buy. */
    record PurchaseOrder(
            String reference, String marketplace, String productId, String skuId, int quantity, long maxPriceFen) {}

    /** The partner's answer to a purchase: accepted with its id, or refused (OUT_OF_STOCK, PRICE_CHANGED). */
    record PurchaseAnswer(
            @Nullable String purchaseId, @Nullable String refusal) {

        boolean accepted() {
            return purchaseId != null;
        }
    }

    /** The answer to a parcel request: its id, or null when a purchase is not in the warehouse yet. */
    record ParcelAnswer(@Nullable String parcelId) {}

    private final FulfilmentProperties properties;
    private final PacedHttp http;
    private final ObjectMapper json;
    private final Clock clock;

    PartnerClient(FulfilmentProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.http = new PacedHttp(
                OutboundHttp.create(properties.partner().connectTimeout()),
                properties.partner().answerLimits(),
                RateLimiter.create(properties.partner().requestsPerSecond(), 1),
                Retry.of(
                        "purchasing partner",
                        properties.partner().retry().backoff(),
                        failure -> failure instanceof PartnerFailed failed && failed.retryable()),
                new PacedHttp.Failures() {
                    @Override
                    public RuntimeException answered(Answer answer) {
                        return PartnerFailed.unavailable(answer.status());
                    }

                    @Override
                    public RuntimeException failed(OutboundFailed failure) {
                        return PartnerFailed.outbound(failure);
                    }
                });
        this.json = json;
        this.clock = clock;
    }

    PurchaseAnswer purchase(PurchaseOrder order) {
        ObjectNode body = json.createObjectNode()
                .put("reference", order.reference())
                .put("marketplace", order.marketplace())
                .put("productId", order.productId())
                .put("skuId", order.skuId())
                .put("quantity", order.quantity())
                .put(
                        "maxPriceCny",
                        java.math.BigDecimal.valueOf(order.maxPriceFen(), 2).toPlainString())
                .put("callbackUrl", properties.callbackUrl().toString());
        Answer answer = call("/partner/v1/purchases", body);
        JsonNode reply = parse(answer);
        if (answer.status() == 200 || answer.status() == 202) {
            String id = reply.path("purchaseId").asString("");
            if (id.isBlank()) {
                throw PartnerFailed.malformed("a purchase accepted without purchaseId");
            }
            return new PurchaseAnswer(id, null);
        }
        String code = reply.path("error").path("code").asString("");
        if (answer.status() == 409 && List.of("OUT_OF_STOCK", "PRICE_CHANGED").contains(code)) {
            return new PurchaseAnswer(null, code);
        }
        throw PartnerFailed.rejected(answer.status(), code);
    }

    ParcelAnswer parcel(String reference, List<String> purchases, String method, String country) {
        ObjectNode body = json.createObjectNode()
                .put("reference", reference)
                .put("method", method)
                .put("destinationCountry", country)
                .put("callbackUrl", properties.callbackUrl().toString());
        purchases.forEach(body.putArray("purchases")::add);
        Answer answer = call("/partner/v1/parcels", body);
        JsonNode reply = parse(answer);
        if (answer.status() == 200 || answer.status() == 202) {
            String id = reply.path("parcelId").asString("");
            if (id.isBlank()) {
                throw PartnerFailed.malformed("a parcel accepted without parcelId");
            }
            return new ParcelAnswer(id);
        }
        String code = reply.path("error").path("code").asString("");
        if (answer.status() == 409 && "NOT_AT_WAREHOUSE".equals(code)) {
            return new ParcelAnswer(null);
        }
        throw PartnerFailed.rejected(answer.status(), code);
    }

    private Answer call(String path, ObjectNode body) {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        FulfilmentProperties.Partner partner = properties.partner();
        try {
            return http.call(
                    () -> {
                        // Signed afresh for each attempt: the partner refuses a timestamp outside its window.
                        long timestamp = clock.instant().getEpochSecond();
                        return HttpRequest.newBuilder(partner.url().resolve(path))
                                .header("Content-Type", "application/json")
                                .header("X-Partner-Key", partner.appKey())
                                .header("X-Partner-Timestamp", Long.toString(timestamp))
                                .header(
                                        "X-Partner-Signature",
                                        PartnerSignature.sign(partner.appSecret(), timestamp, bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
                    },
                    answer -> answer);
        } catch (CancellationException e) {
            throw PartnerFailed.interrupted();
        }
    }

    private JsonNode parse(Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            throw PartnerFailed.malformed("an answer that is not JSON (HTTP " + answer.status() + ")");
        }
    }
}
