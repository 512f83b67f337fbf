package dev.silkway.storefront.quote;

/** One priced line of a quote, in kopecks, with a short explanation of how it was computed. */
public record QuoteLine(Kind kind, long amount, String detail) {

    public enum Kind {
        GOODS,
        CHINA_DELIVERY,
        INTERNATIONAL_DELIVERY,
        INSURANCE,
        SERVICE_FEE,
        CUSTOMS_DUTY,
        DISCOUNT
    }
}
