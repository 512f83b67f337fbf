package dev.silkway.storefront.fulfilment;

import dev.silkway.storefront.order.OrderLifecycle;
import dev.silkway.storefront.order.OrderSource;
import dev.silkway.storefront.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * What each verified partner callback changes, in the webhook's transaction. Every step only moves forward, so a
 * callback arriving after a later one (out of order) adds its data and moves nothing back; a callback for an unknown
 * reference changes nothing.
 */
@Component
class CallbackHandler {

    private static final Logger log = LoggerFactory.getLogger(CallbackHandler.class);

    private final Purchases purchases;
    private final Parcels parcels;
    private final Shipments shipments;
    private final WeightDifferences weights;
    private final FulfilmentOrders orders;
    private final OrderProgress progress;
    private final OrderLifecycle lifecycle;
    private final FulfilmentProperties properties;
    private final Clock clock;

    CallbackHandler(
            Purchases purchases,
            Parcels parcels,
            Shipments shipments,
            WeightDifferences weights,
            FulfilmentOrders orders,
            OrderProgress progress,
            OrderLifecycle lifecycle,
            FulfilmentProperties properties,
            Clock clock) {
        this.purchases = purchases;
        this.parcels = parcels;
        this.shipments = shipments;
        this.weights = weights;
        this.orders = orders;
        this.progress = progress;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void handle(String type, String reference, JsonNode data) {
        Instant now = clock.instant();
        switch (type) {
            case "PURCHASED" ->
                purchases
                        .byReference(reference)
                        .ifPresentOrElse(
                                p -> {
                                    purchases.purchased(
                                            p.id(),
                                            text(data, "marketplaceOrderId"),
                                            fen(data.path("paidPriceCny").asString(null)),
                                            now);
                                    progress.advance(p.orderId());
                                },
                                () -> unknown(type, reference));
            case "ARRIVED_AT_WAREHOUSE" ->
                purchases
                        .byReference(reference)
                        .ifPresentOrElse(
                                p -> {
                                    purchases.arrived(
                                            p.id(),
                                            positive(data, "weightGrams"),
                                            positive(data, "lengthCm"),
                                            positive(data, "widthCm"),
                                            positive(data, "heightCm"),
                                            data.path("qcPhotos").isArray()
                                                    ? data.path("qcPhotos").toString()
                                                    : "[]",
                                            now);
                                    progress.advance(p.orderId());
                                },
                                () -> unknown(type, reference));
            case "CONSOLIDATED" ->
                parcels.lock(reference)
                        .ifPresentOrElse(p -> consolidated(p, data, now), () -> unknown(type, reference));
            case "HANDED_OVER" ->
                parcels.lock(reference).ifPresentOrElse(p -> handedOver(p, data, now), () -> unknown(type, reference));
            default -> log.info("Partner callback of unknown type {} ignored", type);
        }
    }

    private void consolidated(Parcels.Parcel parcel, JsonNode data, Instant now) {
        int grams = positive(data, "weightGrams");
        int l = positive(data, "lengthCm");
        int w = positive(data, "widthCm");
        int h = positive(data, "heightCm");
        // Chargeable weight: max(actual, L×W×H/5000 kg), in grams L×W×H/5.
        int chargeable = (int) Math.max(grams, Math.ceilDiv((long) l * w * h, 5L));
        parcels.consolidated(parcel.id(), text(data, "parcelId"), grams, l, w, h, chargeable, now);
        var destination = orders.destination(parcel.orderId());
        weights.compare(
                parcel.orderId(),
                parcel.id(),
                destination.quotedGrams(),
                chargeable,
                properties.weightToleranceGrams(),
                properties.weightTolerancePercent());
        if (parcel.shipmentId() != null) {
            shipments.measured(parcel.shipmentId(), grams, l, w, h, chargeable);
        }
    }

    private void handedOver(Parcels.Parcel parcel, JsonNode data, Instant now) {
        if (parcel.shipmentId() != null) {
            return;
        }
        Shipments.Leg line = leg(data.path("line"));
        Shipments.Leg lastMile = data.has("lastMile") ? leg(data.path("lastMile")) : null;
        if (line == null) {
            throw FulfilmentProblems.CallbackRefused.malformed("HANDED_OVER names no line carrier and track number");
        }
        var destination = orders.destination(parcel.orderId());
        UUID shipment =
                shipments.create(parcel.orderId(), destination.deliveryMethod(), parcel.id(), line, lastMile, now);
        parcels.handedOver(parcel.id(), text(data, "parcelId"), shipment, now);
        OrderStatus status = orders.lockStatus(parcel.orderId()).orElseThrow();
        if (status == OrderStatus.AT_WAREHOUSE) {
            lifecycle.move(
                    parcel.orderId(),
                    OrderStatus.SHIPPED,
                    OrderSource.SYSTEM,
                    null,
                    "handed over to " + line.carrier() + " " + line.trackNumber()
                            + (lastMile == null ? "" : ", then " + lastMile.carrier() + " " + lastMile.trackNumber()));
        }
    }

    private Shipments.@Nullable Leg leg(JsonNode node) {
        String carrier = node.path("carrier").asString("");
        String track = node.path("trackNumber").asString("");
        if (carrier.isBlank() || !track.matches("[A-Za-z0-9-]{4,64}")) {
            return null;
        }
        if (!shipments.carrierKnown(carrier)) {
            throw FulfilmentProblems.CallbackRefused.malformed(
                    "unknown carrier " + carrier.replaceAll("[^a-z0-9-]", ""));
        }
        return new Shipments.Leg(carrier, track);
    }

    private static void unknown(String type, String reference) {
        log.warn("Partner callback {} for unknown reference {} ignored", type, reference);
    }

    private static String text(JsonNode data, String field) {
        String value = data.path(field).asString("");
        if (value.isBlank() || value.length() > 128) {
            throw FulfilmentProblems.CallbackRefused.malformed(field + " is missing or too long");
        }
        return value;
    }

    private static int positive(JsonNode data, String field) {
        int value = data.path(field).asInt(0);
        if (value <= 0) {
            throw FulfilmentProblems.CallbackRefused.malformed(field + " must be a positive integer");
        }
        return value;
    }

    private static @Nullable Long fen(@Nullable String yuan) {
        if (yuan == null || !yuan.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
