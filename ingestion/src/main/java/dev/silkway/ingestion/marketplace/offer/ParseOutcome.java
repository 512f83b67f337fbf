package dev.silkway.ingestion.marketplace.offer;

/** The result of parsing one raw record: an offer, or a rejection with a precise reason and the raw payload. */
public sealed interface ParseOutcome {

    RawOffer raw();

    record Accepted(RawOffer raw, Offer offer) implements ParseOutcome {}

    /** {@code field} names the offending JSON field (or {@code "$"} for the record as a whole). */
    record Rejected(RawOffer raw, RejectionReason reason, String field, String detail) implements ParseOutcome {}
}
