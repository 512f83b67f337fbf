package dev.silkway.ingestion.catalogue;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One offer in the unified model, ready for the bulk merge: everything that ends up in {@code products},
 * {@code skus}, {@code product_images}, {@code product_attributes}, {@code sku_prices} and {@code sku_stock}. Built by
 * {@link CatalogueOffers#of}, which enforces the schema's limits so that the merge cannot fail on a constraint.
 */
public record CatalogueOffer(
        String feedCode,
        String externalId,
        String titleOriginal,
        @Nullable String titleRu,
        @Nullable String titleEn,
        @Nullable String description,
        @Nullable String brand,
        @Nullable String categoryExternalId,
        @Nullable String categoryName,
        @Nullable String categoryPath,
        @Nullable BigDecimal rating,
        long reviewCount,
        long salesCount,
        @Nullable String sourceUrl,
        List<String> images,
        List<Attribute> attributes,
        List<CatalogueSku> skus,
        byte[] contentHash) {

    public record Attribute(String name, String value) {}

    /** The brand's dedup key: trimmed, lower-cased, inner whitespace collapsed (see V4 brands). */
    public @Nullable String brandNormalized() {
        return brand == null
                ? null
                : brand.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }
}
