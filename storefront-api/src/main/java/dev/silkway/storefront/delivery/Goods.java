package dev.silkway.storefront.delivery;

/**
 * One unit of a SKU as delivery sees it.
 *
 * @param title every title the product has (original, Russian, English), for restricted keywords
 * @param categoryPath the unified category path, e.g. {@code beauty/fragrances}
 * @param weightGrams the unit's weight
 * @param volumeMm3 the unit's packed volume
 * @param estimated weight or size came from the category's defaults, not from the feed
 * @param seller the marketplace and seller it is bought from (China domestic delivery is per seller)
 */
public record Goods(
        long skuId,
        long productId,
        String title,
        String categoryPath,
        int weightGrams,
        long volumeMm3,
        boolean estimated,
        String seller) {

    /** Volumetric grams: L x W x H / 5000 in cm and kg is mm^3 / 5000 in grams, rounded up. */
    public static int volumetricGrams(long volumeMm3) {
        return Math.toIntExact((volumeMm3 + 4_999) / 5_000);
    }

    /** Chargeable weight of a parcel: the larger of its actual and its volumetric weight. */
    public static int chargeableGrams(long actualGrams, long volumeMm3) {
        return Math.toIntExact(Math.max(actualGrams, volumetricGrams(volumeMm3)));
    }
}
