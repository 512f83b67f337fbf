package dev.silkway.ingestion.marketplace.offer;

/**
 * What parsing one raw record came to, wherever it is parsed (a connector's {@link OfferParser} into an {@link Offer},
 * a feed into the catalogue's offer): the offer, or a rejection with a precise reason, to quarantine with the raw
 * payload that the caller holds.
 */
public sealed interface ParseOutcome<T> {

    record Accepted<T>(T offer) implements ParseOutcome<T> {}

    /** {@code field} names the offending JSON field (or {@code "$"} for the record as a whole). */
    record Rejected<T>(RejectionReason reason, String field, String detail) implements ParseOutcome<T> {

        public String reasonCode() {
            return reason.name();
        }

        /** The same rejection as the outcome of a later stage. */
        public <R> Rejected<R> carried() {
            return new Rejected<>(reason, field, detail);
        }
    }
}
