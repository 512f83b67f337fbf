package dev.silkway.storefront.quote;

import dev.silkway.storefront.delivery.Goods;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parcel: units of cart lines (SKU to quantity) and their value, weight and volume. */
final class Parcel {

    private final Map<Long, Integer> units = new LinkedHashMap<>();
    private long goodsKopecks;
    private long grams;
    private long volumeMm3;

    void add(long skuId, int quantity, long unitKopecks, Goods goods) {
        units.merge(skuId, quantity, Integer::sum);
        goodsKopecks += unitKopecks * quantity;
        grams += (long) goods.weightGrams() * quantity;
        volumeMm3 += goods.volumeMm3() * quantity;
    }

    Map<Long, Integer> units() {
        return units;
    }

    long goodsKopecks() {
        return goodsKopecks;
    }

    long grams() {
        return grams;
    }

    int chargeableGrams() {
        return Goods.chargeableGrams(grams, volumeMm3);
    }
}
