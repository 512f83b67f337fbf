package dev.silkway.ingestion.marketplace.offer;

import dev.silkway.ingestion.marketplace.common.Marketplace;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One marketplace item normalized: price in CNY minor units (fen) with the original as received, the marketplace's
 * own category (id + name path, mapped onto the unified tree later), rating on a 0–5 scale, and the product-level
 * attributes the marketplace sends, named in its own words ({@code 店铺}, {@code 发货地}, {@code 货号}, …).
 */
public record Offer(
        Marketplace marketplace,
        String externalId,
        String titleOriginal,
        @Nullable String titleTranslated,
        @Nullable String description,
        @Nullable String brand,
        @Nullable String categoryId,
        List<String> categoryPath,
        long priceFen,
        OriginalPrice originalPrice,
        @Nullable Long listPriceFen,
        @Nullable Integer stock,
        List<Sku> skus,
        List<String> imageUrls,
        @Nullable BigDecimal rating,
        @Nullable Long reviewCount,
        @Nullable Long salesCount,
        @Nullable String sourceUrl,
        List<Attribute> attributes) {

    /** A product attribute as the marketplace names it. */
    public record Attribute(String name, String value) {}

    public Offer {
        if (externalId.isBlank() || titleOriginal.isBlank()) {
            throw new IllegalArgumentException("an offer needs an id and a title");
        }
        if (priceFen < 0 || (listPriceFen != null && listPriceFen < 0) || (stock != null && stock < 0)) {
            throw new IllegalArgumentException("negative price or stock on " + externalId);
        }
        if (rating != null && (rating.signum() < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0)) {
            throw new IllegalArgumentException("rating outside 0..5 on " + externalId);
        }
        categoryPath = List.copyOf(categoryPath);
        skus = List.copyOf(skus);
        imageUrls = List.copyOf(imageUrls);
        attributes = List.copyOf(attributes);
    }
}
