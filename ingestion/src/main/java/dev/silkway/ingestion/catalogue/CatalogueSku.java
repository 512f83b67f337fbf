package dev.silkway.ingestion.catalogue;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SKU: its normalized attributes ({@code size}, {@code colour}) beside the original ones, the current price in
 * minor units with the amount exactly as received, and the stock ({@code quantity} null = availability only).
 */
public record CatalogueSku(
        String externalId,
        Map<String, String> attributes,
        Map<String, String> attributesOriginal,
        @Nullable String imageUrl,
        long amountMinor,
        @Nullable Long listAmountMinor,
        String currency,
        String originalAmount,
        String originalUnit,
        @Nullable Integer quantity,
        boolean inStock) {

    public CatalogueSku {
        attributes = Map.copyOf(attributes);
        attributesOriginal = Map.copyOf(attributesOriginal);
    }
}
