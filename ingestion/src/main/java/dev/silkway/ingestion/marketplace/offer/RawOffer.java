package dev.silkway.ingestion.marketplace.offer;

import dev.silkway.ingestion.marketplace.common.Marketplace;

/**
 * One item exactly as a page yielded it: the external id is a string (ids exceed 2^53), {@code rawJson} is the
 * item's JSON as received (re-serialized from the parsed tree, numbers kept exact), {@code page}/{@code position}
 * locate it in the run. An item without a readable id has an empty {@code externalId}; the parser rejects it.
 */
public record RawOffer(Marketplace marketplace, String externalId, String rawJson, int page, int position) {

    /** The Kafka key: marketplace code + item id. */
    public String key() {
        return marketplace.code() + ":" + externalId;
    }
}
