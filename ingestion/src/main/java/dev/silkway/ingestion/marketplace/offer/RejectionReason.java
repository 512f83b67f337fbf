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
    INVALID_VALUE,
    /** The record is longer than {@code silkway.ingestion.bounds.record-max-chars}: refused before it is mapped. */
    RECORD_TOO_LARGE,
    /** The record nests deeper than {@code silkway.ingestion.bounds.record-max-depth}. */
    NESTED_TOO_DEEP,
    /** An array (or object) of the record is longer than {@code silkway.ingestion.bounds.record-max-array-length}. */
    ARRAY_TOO_LONG
}
