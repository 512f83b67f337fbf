package dev.silkway.sandbox.catalogue;

import java.util.List;

/**
 * One generated product, platform-neutral: the renderers give it each platform's ids, field names and units.
 * Prices are in fen; {@code stock} and the SKU prices/stocks drift with the generation.
 */
public record CatalogueItem(
        Platform platform,
        long index,
        String titleZh,
        String titleEn,
        String titleRu,
        String brandZh,
        String brandEn,
        int kindIndex,
        String categoryLevel1,
        String categoryLevel2,
        long priceFen,
        long listPriceFen,
        int stock,
        List<Variant> variants,
        double rating,
        long reviews,
        long sales,
        Malformation malformation) {

    /** A SKU: {@code size} may be empty for products without sizes. */
    public record Variant(int number, String colour, String size, long priceFen, int stock) {}

    public String imagePath(int n) {
        return "%s/%08d/%d.jpg".formatted(platform.name().toLowerCase(), index, n);
    }

    /** A platform's own category id for this product's kind: stable, distinct per platform. */
    public long categoryId(long base) {
        return base + (Math.abs(Hashing.mix(platform.ordinal(), kindIndex)) % 9000) * 10 + kindIndex % 10;
    }
}
