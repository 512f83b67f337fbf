package dev.silkway.ingestion.marketplace.offer;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One variant: attributes such as {@code 尺码 -> 42.5}, {@code 颜色 -> 黑色}; price in CNY fen. */
public record Sku(
        String skuId,
        Map<String, String> attributes,
        @Nullable Long priceFen,
        @Nullable Integer stock) {

    public Sku {
        attributes = Map.copyOf(attributes);
        if (priceFen != null && priceFen < 0) {
            throw new IllegalArgumentException("negative SKU price " + priceFen);
        }
        if (stock != null && stock < 0) {
            throw new IllegalArgumentException("negative SKU stock " + stock);
        }
    }
}
