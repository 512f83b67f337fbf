package dev.silkway.sandbox.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Purchases in the warehouse to ship as one parcel by a line. */
record ParcelRequest(
        String reference, List<String> purchases, String method, String destinationCountry, String callbackUrl) {

    private static final Set<String> METHODS = Set.of("AIR", "SEA", "EXPRESS");

    static ParcelRequest of(JsonNode body) {
        List<String> purchases = new ArrayList<>();
        for (JsonNode p : body.path("purchases")) {
            if (!p.isString() || p.asString().isBlank() || p.asString().length() > 64) {
                throw new IllegalArgumentException("purchases holds purchase references");
            }
            purchases.add(p.asString());
        }
        if (purchases.isEmpty() || purchases.size() > 100) {
            throw new IllegalArgumentException("purchases must hold 1..100 references");
        }
        String method = Fields.text(body, "method", 16);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be AIR, SEA or EXPRESS");
        }
        String country = Fields.text(body, "destinationCountry", 2);
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("destinationCountry must be ISO 3166-1 alpha-2");
        }
        return new ParcelRequest(
                Fields.text(body, "reference", 64),
                List.copyOf(purchases),
                method,
                country,
                Fields.url(body, "callbackUrl"));
    }

    String fingerprint() {
        return String.join(",", purchases) + "|" + method + "|" + destinationCountry;
    }
}
