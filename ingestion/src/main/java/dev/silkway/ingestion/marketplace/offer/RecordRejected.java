package dev.silkway.ingestion.marketplace.offer;

/**
 * Thrown inside a parser to abandon one record; {@link OfferParsing#guarded} turns it into a
 * {@link ParseOutcome.Rejected}, so it never leaves a parser.
 */
public final class RecordRejected extends RuntimeException {

    private final RejectionReason reason;
    private final String field;

    private RecordRejected(RejectionReason reason, String field, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public static RecordRejected missing(String field) {
        return new RecordRejected(RejectionReason.MISSING_FIELD, field, field + " is missing");
    }

    public static RecordRejected missingPrice(String field) {
        return new RecordRejected(RejectionReason.MISSING_PRICE, field, "price " + field + " is missing");
    }

    public static RecordRejected negativePrice(String field, Object value) {
        return new RecordRejected(RejectionReason.NEGATIVE_PRICE, field, "price " + field + " is negative: " + value);
    }

    public static RecordRejected negativeStock(String field, Object value) {
        return new RecordRejected(RejectionReason.NEGATIVE_STOCK, field, "stock " + field + " is negative: " + value);
    }

    public static RecordRejected wrongType(String field, String expected, String actual) {
        return new RecordRejected(
                RejectionReason.WRONG_TYPE, field, field + " should be " + expected + " but is " + actual);
    }

    public static RecordRejected brokenNestedJson(String field) {
        return new RecordRejected(
                RejectionReason.BROKEN_NESTED_JSON, field, field + " holds a JSON string that does not parse");
    }

    public static RecordRejected oversized(String field, int length, int max) {
        return new RecordRejected(
                RejectionReason.OVERSIZED_TEXT, field, field + " has " + length + " characters, more than " + max);
    }

    public static RecordRejected controlCharacter(String field, int codePoint, int index) {
        return new RecordRejected(
                RejectionReason.CONTROL_CHARACTERS,
                field,
                field + " contains control character U+%04X at %d".formatted(codePoint, index));
    }

    public static RecordRejected invalid(String field, String detail) {
        return new RecordRejected(RejectionReason.INVALID_VALUE, field, field + ": " + detail);
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The offending field ({@code "$"}: the record as a whole). */
    public String field() {
        return field;
    }

    public <T> ParseOutcome.Rejected<T> toOutcome() {
        return new ParseOutcome.Rejected<>(reason, field, getMessage());
    }
}
