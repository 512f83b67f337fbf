package dev.silkway.sandbox.partner;

import tools.jackson.databind.JsonNode;

/** One line to buy; {@code photoBase} is where this sandbox serves its QC photos (not part of the request). */
record PurchaseRequest(
        String reference,
        String marketplace,
        String productId,
        String skuId,
        int quantity,
        long maxPriceFen,
        String callbackUrl,
        String photoBase) {

    /** The request from its JSON; IllegalArgumentException naming the first bad field. */
    static PurchaseRequest of(JsonNode body, String photoBase) {
        int quantity = body.path("quantity").asInt(0);
        if (quantity < 1 || quantity > 999) {
            throw new IllegalArgumentException("quantity must be 1..999");
        }
        return new PurchaseRequest(
                Fields.text(body, "reference", 64),
                Fields.text(body, "marketplace", 32),
                Fields.text(body, "productId", 128),
                Fields.text(body, "skuId", 128),
                quantity,
                Money.fen(Fields.text(body, "maxPriceCny", 16)),
                Fields.url(body, "callbackUrl"),
                photoBase);
    }

    String fingerprint() {
        return String.join("|", marketplace, productId, skuId, Integer.toString(quantity), Long.toString(maxPriceFen));
    }
}
