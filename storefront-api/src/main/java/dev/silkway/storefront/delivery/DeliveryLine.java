package dev.silkway.storefront.delivery;

import java.util.List;
import java.util.Locale;

/**
 * A delivery line and its tariff (roubles, kopecks): {@code firstHalfKg} for the first 0.5 kg of
 * chargeable weight, {@code nextHalfKg} for each further 0.5 kg or part of it, at least
 * {@code minCharge}.
 */
public record DeliveryLine(
        DeliveryMethod method,
        String name,
        List<String> countries,
        long firstHalfKg,
        long nextHalfKg,
        long minCharge,
        int etaMinDays,
        int etaMaxDays,
        int maxParcelGrams,
        List<String> restrictedCategories,
        List<String> restrictedKeywords,
        boolean insuranceOffered,
        boolean enabled) {

    public static final int HALF_KG = 500;

    public boolean serves(String country) {
        return enabled && countries.contains(country);
    }

    /** The charge in kopecks for a parcel of {@code chargeableGrams}. */
    public long charge(int chargeableGrams) {
        long halves = Math.max(1, (chargeableGrams + HALF_KG - 1) / HALF_KG);
        return Math.max(minCharge, firstHalfKg + (halves - 1) * nextHalfKg);
    }

    /** Whether these goods cannot travel by this line (by category subtree or by a title keyword). */
    public boolean restricts(Goods goods) {
        List<String> path = List.of(goods.categoryPath().split("/"));
        if (restrictedCategories.stream().anyMatch(path::contains)) {
            return true;
        }
        String title = goods.title().toLowerCase(Locale.ROOT);
        return restrictedKeywords.stream().anyMatch(k -> title.contains(k.toLowerCase(Locale.ROOT)));
    }
}
