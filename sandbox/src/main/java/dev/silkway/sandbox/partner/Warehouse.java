package dev.silkway.sandbox.partner;

import dev.silkway.sandbox.catalogue.Hashing;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import dev.silkway.sandbox.journey.Journey;
import dev.silkway.sandbox.journey.JourneyStart;
import dev.silkway.sandbox.journey.Journeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The partner's books: purchases and parcels by our reference, their answers (so a repeated request gets the same
 * one), and the callbacks each step schedules. Lines are drawn out of stock or repriced from the seed and SKU (a
 * SKU is sold out for every order alike), unless a test pinned them.
 */
@Component
class Warehouse {

    record Purchase(String purchaseId, PurchaseRequest request, Instant arrivesAt, Measurement measurement) {}

    record Parcel(String parcelId, ParcelRequest request) {}

    /** An answer given, and the request it answered (its fingerprint). */
    record Answered(String fingerprint, int status, ObjectNode body) {}

    private final PartnerProperties properties;
    private final SimulatedTime time;
    private final SkuOverrides overrides;
    private final CallbackSender callbacks;
    private final ObjectProvider<Journeys> journeys;
    private final Clock clock;
    private final long seed;
    private final Map<String, Answered> answers = new ConcurrentHashMap<>();
    private final Map<String, Purchase> purchases = new ConcurrentHashMap<>();

    Warehouse(
            PartnerProperties properties,
            SimulatedTime time,
            SkuOverrides overrides,
            CallbackSender callbacks,
            ObjectProvider<Journeys> journeys,
            Clock clock,
            SandboxProperties sandbox) {
        this.properties = properties;
        this.time = time;
        this.overrides = overrides;
        this.callbacks = callbacks;
        this.journeys = journeys;
        this.clock = clock;
        this.seed = sandbox.seed();
    }

    /** The answer already given to this reference, if any. */
    Optional<Answered> answered(String kind, String reference) {
        return Optional.ofNullable(answers.get(kind + "/" + reference));
    }

    synchronized Answered purchase(PurchaseRequest request) {
        var existing = answered("purchase", request.reference());
        if (existing.isPresent()) {
            return existing.get();
        }
        SkuOverrides.Override pin = overrides
                .of(request.marketplace(), request.skuId())
                .orElse(new SkuOverrides.Override(null, null, null, null, null, null));
        long h = Hashing.mix(
                seed, request.marketplace().hashCode(), request.skuId().hashCode(), 0x73746f636bL);
        boolean soldOut = pin.soldOut() != null ? pin.soldOut() : Hashing.unit(h) < properties.outOfStockRate();
        long price = pin.priceFen() != null
                ? pin.priceFen()
                : Hashing.unit(h >>> 1) < properties.priceChangedRate()
                        ? Math.round(request.maxPriceFen() * 1.12) + 1
                        : request.maxPriceFen();
        Answered answer;
        if (soldOut) {
            answer = refusal(request, "OUT_OF_STOCK", "the SKU is out of stock on " + request.marketplace(), null);
        } else if (price > request.maxPriceFen()) {
            answer = refusal(request, "PRICE_CHANGED", "the price is above maxPriceCny", price);
        } else {
            answer = accept(request, pin, price);
        }
        answers.put("purchase/" + request.reference(), answer);
        return answer;
    }

    private Answered refusal(PurchaseRequest request, String code, String message, Long priceFen) {
        ObjectNode body = SandboxJson.object().put("reference", request.reference());
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        if (priceFen != null) {
            error.put("currentPriceCny", Money.yuan(priceFen));
        }
        return new Answered(request.fingerprint(), 409, body);
    }

    private Answered accept(PurchaseRequest request, SkuOverrides.Override pin, long priceFen) {
        String id = "PP"
                + Long.toUnsignedString(Hashing.mix(seed, request.reference().hashCode(), 0x70757263L), 36)
                        .toUpperCase();
        Duration purchased = time.real(properties.steps().purchase());
        Duration arrived = purchased.plus(time.real(properties.steps().arrival()));
        Measurement measured =
                Measurement.ofLine(seed, request.marketplace(), request.skuId(), request.quantity(), pin);
        purchases.put(
                request.reference(), new Purchase(id, request, clock.instant().plus(arrived), measured));
        String marketplaceOrder = request.marketplace().toUpperCase() + "-"
                + Long.toUnsignedString(Hashing.mix(seed, id.hashCode(), 0x6f726465L) % 1_000_000_000_000L);
        callbacks.schedule(
                request.callbackUrl(),
                purchased,
                time.real(properties.steps().arrival()).multipliedBy(3).dividedBy(2),
                () -> {
                    ObjectNode event = event("PURCHASED", request.reference());
                    event.putObject("data")
                            .put("purchaseId", id)
                            .put("marketplaceOrderId", marketplaceOrder)
                            .put("paidPriceCny", Money.yuan(priceFen));
                    return event;
                });
        callbacks.schedule(request.callbackUrl(), arrived, Duration.ofSeconds(1), () -> {
            ObjectNode event = event("ARRIVED_AT_WAREHOUSE", request.reference());
            ObjectNode data = event.putObject("data")
                    .put("purchaseId", id)
                    .put("weightGrams", measured.weightGrams())
                    .put("lengthCm", measured.lengthCm())
                    .put("widthCm", measured.widthCm())
                    .put("heightCm", measured.heightCm());
            ArrayNode photos = data.putArray("qcPhotos");
            for (int n = 1; n <= 2; n++) {
                photos.add(request.photoBase() + "/partner/v1/qc/" + id + "/" + n + ".svg");
            }
            return event;
        });
        ObjectNode body = SandboxJson.object()
                .put("purchaseId", id)
                .put("reference", request.reference())
                .put("status", "ACCEPTED");
        return new Answered(request.fingerprint(), 202, body);
    }

    /** Ships arrived purchases as one parcel; 409 when one is unknown or not yet in the warehouse. */
    synchronized Answered parcel(ParcelRequest request) {
        var existing = answered("parcel", request.reference());
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Measurement> lines = new ArrayList<>();
        for (String reference : request.purchases()) {
            Purchase purchase = purchases.get(reference);
            if (purchase == null || purchase.arrivesAt().isAfter(clock.instant())) {
                ObjectNode body = SandboxJson.object().put("reference", request.reference());
                body.putObject("error")
                        .put("code", "NOT_AT_WAREHOUSE")
                        .put("message", "purchase " + reference + " is not in the warehouse");
                return new Answered(request.fingerprint(), 409, body); // not remembered: it may arrive later
            }
            lines.add(purchase.measurement());
        }
        String parcelId = "PX"
                + Long.toUnsignedString(Hashing.mix(seed, request.reference().hashCode(), 0x7063ffL), 36)
                        .toUpperCase();
        Measurement packed = Measurement.consolidated(lines);
        Duration consolidated = time.real(properties.steps().consolidation());
        Duration handed = consolidated.plus(time.real(properties.steps().handOver()));
        callbacks.schedule(
                request.callbackUrl(),
                consolidated,
                time.real(properties.steps().handOver()).multipliedBy(3).dividedBy(2),
                () -> {
                    ObjectNode event = event("CONSOLIDATED", request.reference());
                    ObjectNode data = event.putObject("data")
                            .put("parcelId", parcelId)
                            .put("weightGrams", packed.weightGrams())
                            .put("lengthCm", packed.lengthCm())
                            .put("widthCm", packed.widthCm())
                            .put("heightCm", packed.heightCm());
                    ArrayNode refs = data.putArray("purchases");
                    request.purchases().forEach(refs::add);
                    return event;
                });
        callbacks.schedule(request.callbackUrl(), handed, Duration.ofSeconds(1), () -> handedOver(request, parcelId));
        ObjectNode body = SandboxJson.object()
                .put("parcelId", parcelId)
                .put("reference", request.reference())
                .put("status", "ACCEPTED");
        Answered answer = new Answered(request.fingerprint(), 202, body);
        answers.put("parcel/" + request.reference(), answer);
        return answer;
    }

    private ObjectNode handedOver(ParcelRequest request, String parcelId) {
        String country = request.destinationCountry();
        boolean cdek = !"RU".equals(country) || Math.floorMod(Hashing.mix(seed, parcelId.hashCode()), 2L) == 0;
        String line = switch (request.method()) {
            case "EXPRESS" -> "sf-express";
            case "SEA" -> "china-post";
            default -> "china-ems";
        };
        Journey journey = journeys.getObject()
                .begin(new JourneyStart(
                        parcelId, request.method(), country, line, cdek ? "cdek" : "russian-post", clock.instant()));
        ObjectNode event = event("HANDED_OVER", request.reference());
        ObjectNode data = event.putObject("data").put("parcelId", parcelId).put("method", request.method());
        for (Journey.Leg leg : journey.legs()) {
            String key = "LAST_MILE".equals(leg.kind()) ? "lastMile" : "line";
            data.putObject(key).put("carrier", leg.carrierCode()).put("trackNumber", leg.trackNumber());
        }
        return event;
    }

    Optional<Purchase> purchaseById(String purchaseId) {
        return purchases.values().stream()
                .filter(p -> p.purchaseId().equals(purchaseId))
                .findFirst();
    }

    private static ObjectNode event(String type, String reference) {
        return SandboxJson.object().put("type", type).put("reference", reference);
    }
}
