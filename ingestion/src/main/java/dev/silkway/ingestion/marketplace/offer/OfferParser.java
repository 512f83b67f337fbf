package dev.silkway.ingestion.marketplace.offer;

/** Maps one raw item of a marketplace onto an {@link Offer}; never throws (see {@link OfferParsing}). */
@FunctionalInterface
public interface OfferParser {

    ParseOutcome<Offer> parse(RawOffer raw);
}
