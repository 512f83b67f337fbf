package dev.silkway.sandbox.partner;

import dev.silkway.sandbox.catalogue.Hashing;
import java.util.List;

/** What the warehouse's scale and tape say: grams and centimetres. */
record Measurement(int weightGrams, int lengthCm, int widthCm, int heightCm) {

    /** A line of {@code quantity} units: per unit the override's size, else one drawn from the seed and SKU. */
    static Measurement ofLine(long seed, String marketplace, String skuId, int quantity, SkuOverrides.Override pin) {
        long h = Hashing.mix(seed, marketplace.hashCode(), skuId.hashCode(), 0x6d656173L);
        int unitGrams = pin.weightGrams() != null ? pin.weightGrams() : 150 + (int) Math.floorMod(h, 1850L);
        int length = pin.lengthCm() != null ? pin.lengthCm() : 15 + (int) Math.floorMod(h >>> 16, 30L);
        int width = pin.widthCm() != null ? pin.widthCm() : 10 + (int) Math.floorMod(h >>> 24, 25L);
        int height = pin.heightCm() != null ? pin.heightCm() : 3 + (int) Math.floorMod(h >>> 32, 15L);
        return new Measurement(unitGrams * quantity, length, width, height * quantity);
    }

    /** Lines packed together: their weight plus 5% packing, the longest and widest side, the heights stacked. */
    static Measurement consolidated(List<Measurement> lines) {
        int grams = (int)
                Math.round(lines.stream().mapToInt(Measurement::weightGrams).sum() * 1.05);
        int length = lines.stream().mapToInt(Measurement::lengthCm).max().orElse(1);
        int width = lines.stream().mapToInt(Measurement::widthCm).max().orElse(1);
        int height = lines.stream().mapToInt(Measurement::heightCm).sum();
        return new Measurement(grams, length, width, Math.max(1, height));
    }
}
