package dev.silkway.storefront.quote;

import dev.silkway.storefront.delivery.DeliveryLine;
import dev.silkway.storefront.money.Rate;
import dev.silkway.storefront.money.Rounding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The landed cost of items by one delivery line to one country (no I/O). Lines, in kopecks:
 *
 * <ul>
 *   <li>GOODS: Σ unit price (fen × CNY rate, half-up) × quantity;
 *   <li>CHINA_DELIVERY: the per-seller tariff (fen, converted like a price) × distinct sellers;
 *   <li>INTERNATIONAL_DELIVERY: the line's tariff on the parcel's chargeable weight, max(actual,
 *       volumetric);
 *   <li>INSURANCE (when asked for and offered): a percentage of GOODS, at least the minimum;
 *   <li>SERVICE_FEE: a percentage of GOODS, clamped between the minimum and the maximum;
 *   <li>CUSTOMS_DUTY: the country's rule on GOODS and the parcel's actual weight (EUR at its rate).
 * </ul>
 *
 * The total is the sum of the lines. When the parcel pays duty, a split is proposed: units packed
 * first-fit by value, largest first, into parcels within the duty-free value and weight (and the
 * line's maximum parcel) where a unit allows it; each parcel pays its own delivery and duty, and
 * the split is proposed only when it saves money.
 */
final class LandedCost {

    private final QuoteProperties tariffs;

    LandedCost(QuoteProperties tariffs) {
        this.tariffs = tariffs;
    }

    Result price(List<QuoteItem> items, DeliveryLine line, CustomsRule customs, Rate cny, Rate eur, boolean insured) {
        Parcel whole = new Parcel();
        Set<String> sellers = new LinkedHashSet<>();
        for (QuoteItem item : items) {
            whole.add(item.skuId(), item.quantity(), Rounding.kopecksOf(item.priceFen(), cny), item.goods());
            sellers.add(item.goods().seller());
        }
        long goods = whole.goodsKopecks();
        List<QuoteLine> lines = new ArrayList<>();
        lines.add(
                new QuoteLine(QuoteLine.Kind.GOODS, goods, items.size() + " lines at " + cny.unitRate() + " RUB/CNY"));
        long perSeller = Rounding.kopecksOf(tariffs.chinaDeliveryPerSellerFen(), cny);
        lines.add(
                new QuoteLine(QuoteLine.Kind.CHINA_DELIVERY, perSeller * sellers.size(), sellers.size() + " sellers"));
        int chargeable = whole.chargeableGrams();
        long international = line.charge(chargeable);
        lines.add(new QuoteLine(
                QuoteLine.Kind.INTERNATIONAL_DELIVERY,
                international,
                line.method() + ", chargeable " + chargeable + " g"));
        if (insured) {
            long insurance =
                    Math.max(tariffs.insuranceMinKopecks(), Rounding.percentOf(goods, tariffs.insurancePercent()));
            lines.add(new QuoteLine(QuoteLine.Kind.INSURANCE, insurance, tariffs.insurancePercent() + "% of goods"));
        }
        long fee = Math.min(
                tariffs.serviceFeeMaxKopecks(),
                Math.max(tariffs.serviceFeeMinKopecks(), Rounding.percentOf(goods, tariffs.serviceFeePercent())));
        lines.add(new QuoteLine(QuoteLine.Kind.SERVICE_FEE, fee, tariffs.serviceFeePercent() + "% of goods"));
        long duty = customs.duty(goods, whole.grams(), eur);
        lines.add(new QuoteLine(
                QuoteLine.Kind.CUSTOMS_DUTY,
                duty,
                customs.country() + ", " + whole.grams() + " g, EUR at " + eur.unitRate() + " RUB"));
        long total = lines.stream().mapToLong(QuoteLine::amount).sum();
        SplitProposal split = duty == 0 ? null : split(items, line, customs, cny, eur, international + duty, total);
        return new Result(List.copyOf(lines), total, chargeable, whole.grams(), split);
    }

    private @Nullable SplitProposal split(
            List<QuoteItem> items,
            DeliveryLine line,
            CustomsRule customs,
            Rate cny,
            Rate eur,
            long wholeDeliveryAndDuty,
            long wholeTotal) {
        List<QuoteItem> byValue = new ArrayList<>(items);
        byValue.sort((a, b) -> Long.compare(b.priceFen(), a.priceFen()));
        long maxGrams = Math.min(customs.dutyFreeGrams(), line.maxParcelGrams());
        List<Parcel> parcels = new ArrayList<>();
        for (QuoteItem item : byValue) {
            long unit = Rounding.kopecksOf(item.priceFen(), cny);
            for (int n = 0; n < item.quantity(); n++) {
                Parcel target = null;
                for (Parcel parcel : parcels) {
                    if (customs.dutyFree(
                                    parcel.goodsKopecks() + unit,
                                    parcel.grams() + item.goods().weightGrams(),
                                    eur)
                            && parcel.grams() + item.goods().weightGrams() <= maxGrams) {
                        target = parcel;
                        break;
                    }
                }
                if (target == null) {
                    target = new Parcel();
                    parcels.add(target);
                }
                target.add(item.skuId(), 1, unit, item.goods());
            }
        }
        if (parcels.size() < 2) {
            return null;
        }
        List<SplitProposal.SplitParcel> proposed = new ArrayList<>();
        long splitDeliveryAndDuty = 0;
        for (Parcel parcel : parcels) {
            long delivery = line.charge(parcel.chargeableGrams());
            long duty = customs.duty(parcel.goodsKopecks(), parcel.grams(), eur);
            splitDeliveryAndDuty += delivery + duty;
            proposed.add(new SplitProposal.SplitParcel(
                    parcel.units(), parcel.goodsKopecks(), delivery, duty, parcel.goodsKopecks() + delivery + duty));
        }
        long saving = wholeDeliveryAndDuty - splitDeliveryAndDuty;
        return saving > 0 ? new SplitProposal(List.copyOf(proposed), saving, wholeTotal - saving) : null;
    }

    /** A quote's figures: lines, their sum, the parcel's chargeable and actual weight, a split or none. */
    record Result(
            List<QuoteLine> lines,
            long total,
            int chargeableGrams,
            long actualGrams,
            @Nullable SplitProposal split) {}
}
