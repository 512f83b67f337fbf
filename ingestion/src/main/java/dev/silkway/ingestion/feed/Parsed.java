package dev.silkway.ingestion.feed;

import dev.silkway.ingestion.catalogue.CatalogueOffer;

/** The outcome of parsing one raw record: an offer ready for the merge, or a rejection to quarantine. */
public sealed interface Parsed {

    record Accepted(CatalogueOffer offer) implements Parsed {}

    record Rejected(String reasonCode, String field, String detail) implements Parsed {}
}
