package dev.silkway.ingestion.marketplace.offer;

/** Why a raw record was quarantined instead of becoming an {@link Offer}. */
public enum RejectionReason {
    UNPARSEABLE_JSON,
    MISSING_FIELD,
    MISSING_PRICE,
    NEGATIVE_PRICE,
    NEGATIVE_STOCK,
    WRONG_TYPE,
    BROKEN_NESTED_JSON,
    OVERSIZED_TEXT,
    CONTROL_CHARACTERS,
    DUPLICATE_ID,
    INVALID_VALUE
}
