package dev.silkway.storefront.quote;

import dev.silkway.storefront.money.Rate;
import dev.silkway.storefront.money.Rounding;
import java.math.BigDecimal;

/**
 * A destination's duty on a parcel: free up to {@code dutyFreeEuroCents} and {@code dutyFreeGrams};
 * above either, {@code dutyPercent} of the value over the threshold but at least
 * {@code minEuroCentsPerKg} per kg over the weight threshold (the larger of the two).
 */
record CustomsRule(
        String country, long dutyFreeEuroCents, int dutyFreeGrams, BigDecimal dutyPercent, long minEuroCentsPerKg) {

    /** The duty in kopecks on a parcel of goods worth {@code goodsKopecks} weighing {@code grams}. */
    long duty(long goodsKopecks, long grams, Rate eur) {
        BigDecimal overValue = Rounding.euros(goodsKopecks, eur)
                .subtract(BigDecimal.valueOf(dutyFreeEuroCents, 2))
                .max(BigDecimal.ZERO);
        BigDecimal overKg = BigDecimal.valueOf(Math.max(0, grams - dutyFreeGrams), 3);
        if (overValue.signum() == 0 && overKg.signum() == 0) {
            return 0;
        }
        BigDecimal byValue = overValue.multiply(dutyPercent).movePointLeft(2);
        BigDecimal byWeight = overKg.multiply(BigDecimal.valueOf(minEuroCentsPerKg, 2));
        return Rounding.kopecksOfEuros(byValue.max(byWeight), eur);
    }

    boolean dutyFree(long goodsKopecks, long grams, Rate eur) {
        return duty(goodsKopecks, grams, eur) == 0;
    }
}
