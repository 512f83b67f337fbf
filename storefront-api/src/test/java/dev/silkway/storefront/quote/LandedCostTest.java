package dev.silkway.storefront.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.delivery.DeliveryLine;
import dev.silkway.storefront.delivery.DeliveryMethod;
import dev.silkway.storefront.delivery.Goods;
import dev.silkway.storefront.money.Rate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed landed costs (the working is beside each case), the seeded tariffs: China 15 CNY per
 * seller, insurance 2% (min 100 RUB), fee 5% (199-15000 RUB), the EAEU customs rule (€200 / 31 kg,
 * 15% over €200, at least €2 per kg over 31 kg).
 */
class LandedCostTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Rate CNY = new Rate("CNY", new BigDecimal("12.5"), DAY);
    private static final Rate EUR = new Rate("EUR", new BigDecimal("100"), DAY);

    static final DeliveryLine AIR = line(DeliveryMethod.AIR, 45_000, 30_000, 45_000, 30_000, true);
    static final DeliveryLine SEA = line(DeliveryMethod.SEA, 15_000, 9_000, 60_000, 100_000, true);
    static final DeliveryLine EXPRESS = line(DeliveryMethod.EXPRESS, 90_000, 60_000, 90_000, 20_000, false);

    private final LandedCost landedCost = new LandedCost(new QuoteProperties(
            Duration.ofMinutes(15), 1_500, new BigDecimal("2.0"), 10_000, new BigDecimal("5.0"), 19_900, 1_500_000));

    private static DeliveryLine line(
            DeliveryMethod method, long first, long next, long min, int maxGrams, boolean insurance) {
        return new DeliveryLine(
                method,
                method.name(),
                List.of("RU", "KZ", "BY"),
                first,
                next,
                min,
                5,
                9,
                maxGrams,
                List.of(),
                List.of(),
                insurance,
                true);
    }

    private static CustomsRule eaeu(String country) {
        return new CustomsRule(country, 20_000, 31_000, new BigDecimal("15.00"), 200);
    }

    private static QuoteItem item(long sku, String seller, int quantity, long fen, int grams, long volumeMm3) {
        return new QuoteItem(
                sku,
                "item " + sku,
                quantity,
                fen,
                new Goods(sku, sku, "item", "shoes", grams, volumeMm3, false, seller));
    }

    private static Map<QuoteLine.Kind, Long> amounts(LandedCost.Result result) {
        return result.lines().stream().collect(java.util.stream.Collectors.toMap(QuoteLine::kind, QuoteLine::amount));
    }

    @Test
    void underTwoHundredEurosIsDutyFreeAndPaysForItsVolumetricWeight() {
        // 1000 CNY x 12.5 = 12,500.00 RUB = €125. 800 g actual; 300x200x100 mm = 6,000,000 mm3 / 5000
        // = 1200 g volumetric, chargeable 1200 g = 3 half-kilos: 450 + 2 x 300 = 1,050.00. China 15 x 12.5
        // = 187.50. Fee 5% = 625.00. Duty 0. Total 12,500 + 187.50 + 1,050 + 625 = 14,362.50.
        var result = landedCost.price(
                List.of(item(1, "taobao:a", 1, 100_000, 800, 6_000_000)), AIR, eaeu("RU"), CNY, EUR, false);

        assertThat(amounts(result))
                .containsEntry(QuoteLine.Kind.GOODS, 1_250_000L)
                .containsEntry(QuoteLine.Kind.CHINA_DELIVERY, 18_750L)
                .containsEntry(QuoteLine.Kind.INTERNATIONAL_DELIVERY, 105_000L)
                .containsEntry(QuoteLine.Kind.SERVICE_FEE, 62_500L)
                .containsEntry(QuoteLine.Kind.CUSTOMS_DUTY, 0L)
                .doesNotContainKey(QuoteLine.Kind.INSURANCE);
        assertThat(result.chargeableGrams()).isEqualTo(1_200);
        assertThat(result.total()).isEqualTo(1_436_250L);
        assertThat(result.split()).isNull();
    }

    @Test
    void overTwoHundredEurosPaysFifteenPercentOfTheExcessAndIsOfferedASplit() {
        // 2 x 1200 CNY x 12.5 = 30,000.00 RUB = €300: duty 15% of €100 = €15 = 1,500.00. 2 x 1000 g,
        // volumetric 2 x 400 g: chargeable 2000 g = 4 halves: 450 + 3 x 300 = 1,350.00. China 187.50.
        // Insurance 2% = 600.00. Fee 5% = 1,500.00. Total 35,137.50.
        // Split: two parcels of €150 each, duty-free, 1000 g = 2 halves = 750.00 each: 1,500.00 against
        // 1,350 + 1,500 = 2,850.00, saving 1,350.00, total 33,787.50.
        var result = landedCost.price(
                List.of(item(1, "taobao:a", 2, 120_000, 1_000, 2_000_000)), AIR, eaeu("RU"), CNY, EUR, true);

        assertThat(amounts(result))
                .containsEntry(QuoteLine.Kind.GOODS, 3_000_000L)
                .containsEntry(QuoteLine.Kind.INTERNATIONAL_DELIVERY, 135_000L)
                .containsEntry(QuoteLine.Kind.INSURANCE, 60_000L)
                .containsEntry(QuoteLine.Kind.SERVICE_FEE, 150_000L)
                .containsEntry(QuoteLine.Kind.CUSTOMS_DUTY, 150_000L);
        assertThat(result.total()).isEqualTo(3_513_750L);
        assertThat(result.split()).isNotNull();
        assertThat(result.split().parcels()).hasSize(2);
        assertThat(result.split().parcels()).allSatisfy(p -> {
            assertThat(p.duty()).isZero();
            assertThat(p.delivery()).isEqualTo(75_000L);
        });
        assertThat(result.split().saving()).isEqualTo(135_000L);
        assertThat(result.split().total()).isEqualTo(3_378_750L);
    }

    @Test
    void overThirtyOneKilosPaysTwoEurosPerKiloOver() {
        // 400 CNY x 12.5 = 5,000.00 RUB = €50, under €200. 35,000 g: 4 kg over 31 x €2 = €8 = 800.00.
        // 600x400x400 = 96,000,000 mm3 = 19,200 g volumetric; chargeable 35,000 g = 70 halves:
        // 150 + 69 x 90 = 6,360.00. China 187.50. Fee 5% = 250.00 (above the 199 minimum).
        // Total 5,000 + 187.50 + 6,360 + 250 + 800 = 12,597.50. One unit: nothing to split.
        var result = landedCost.price(
                List.of(item(1, "1688:b", 1, 40_000, 35_000, 96_000_000)), SEA, eaeu("RU"), CNY, EUR, false);

        assertThat(amounts(result))
                .containsEntry(QuoteLine.Kind.INTERNATIONAL_DELIVERY, 636_000L)
                .containsEntry(QuoteLine.Kind.SERVICE_FEE, 25_000L)
                .containsEntry(QuoteLine.Kind.CUSTOMS_DUTY, 80_000L);
        assertThat(result.chargeableGrams()).isEqualTo(35_000);
        assertThat(result.total()).isEqualTo(1_259_750L);
        assertThat(result.split()).isNull();
    }

    @Test
    void toKazakhstanByExpressFromTwoSellersAtTheDaysOddRates() {
        // CNY 11.8734: 259.90 CNY = 3,085.89666 -> 3,085.90 per unit, x 3 = 9,257.70; 99.99 CNY =
        // 1,187.221266 -> 1,187.22. Goods 10,444.92 RUB = €106.96 at 97.6543: duty-free.
        // China: 2 sellers x (15 x 11.8734 = 178.101 -> 178.10) = 356.20.
        // Weight 3 x 1200 + 300 = 3,900 g; volume 3 x 10,010,000 + 1,200,000 = 31,230,000 mm3 = 6,246 g
        // volumetric: 13 halves, 900 + 12 x 600 = 8,100.00. Fee 5% of 10,444.92 = 522.246 -> 522.25.
        // Total 10,444.92 + 356.20 + 8,100 + 522.25 = 19,423.37.
        Rate cny = new Rate("CNY", new BigDecimal("11.8734"), DAY);
        Rate eur = new Rate("EUR", new BigDecimal("97.6543"), DAY);
        var result = landedCost.price(
                List.of(
                        item(1, "poizon:x", 3, 25_990, 1_200, 10_010_000),
                        item(2, "taobao:y", 1, 9_999, 300, 1_200_000)),
                EXPRESS,
                eaeu("KZ"),
                cny,
                eur,
                false);

        assertThat(amounts(result))
                .containsEntry(QuoteLine.Kind.GOODS, 1_044_492L)
                .containsEntry(QuoteLine.Kind.CHINA_DELIVERY, 35_620L)
                .containsEntry(QuoteLine.Kind.INTERNATIONAL_DELIVERY, 810_000L)
                .containsEntry(QuoteLine.Kind.SERVICE_FEE, 52_225L)
                .containsEntry(QuoteLine.Kind.CUSTOMS_DUTY, 0L);
        assertThat(result.chargeableGrams()).isEqualTo(6_246);
        assertThat(result.total()).isEqualTo(1_942_337L);
    }

    @Test
    void toBelarusOverBothLimitsPaysTheLargerOfTheTwoDuties() {
        // 2000 CNY x 12.5 = 25,000.00 RUB = €250: 15% of €50 = €7.50; 40,000 g: 9 kg x €2 = €18, the
        // larger: 1,800.00. 500x400x300 = 12,000 g volumetric; chargeable 40,000 g = 80 halves:
        // 150 + 79 x 90 = 7,260.00. China 187.50, insurance 2% = 500.00, fee 5% = 1,250.00.
        // Total 25,000 + 187.50 + 7,260 + 500 + 1,250 + 1,800 = 35,997.50.
        var result = landedCost.price(
                List.of(item(1, "jd:z", 1, 200_000, 40_000, 60_000_000)), SEA, eaeu("BY"), CNY, EUR, true);

        assertThat(amounts(result))
                .containsEntry(QuoteLine.Kind.INTERNATIONAL_DELIVERY, 726_000L)
                .containsEntry(QuoteLine.Kind.INSURANCE, 50_000L)
                .containsEntry(QuoteLine.Kind.CUSTOMS_DUTY, 180_000L);
        assertThat(result.total()).isEqualTo(3_599_750L);
    }

    @Test
    void theFeeAndTheInsuranceNeverFallBelowTheirMinimum() {
        // 10 CNY x 12.5 = 125.00: 5% = 6.25 -> 199.00; 2% = 2.50 -> 100.00. 200 g: 1 half = 450.00.
        // Total 125 + 187.50 + 450 + 100 + 199 = 1,061.50.
        var result =
                landedCost.price(List.of(item(1, "taobao:a", 1, 1_000, 200, 100_000)), AIR, eaeu("RU"), CNY, EUR, true);

        assertThat(amounts(result))
                .containsEntry(QuoteLine.Kind.SERVICE_FEE, 19_900L)
                .containsEntry(QuoteLine.Kind.INSURANCE, 10_000L);
        assertThat(result.total()).isEqualTo(106_150L);
    }

    @Test
    void theTotalIsAlwaysTheSumOfTheLines() {
        var result = landedCost.price(
                List.of(item(1, "taobao:a", 7, 33_333, 777, 3_333_333), item(2, "jd:b", 2, 123_457, 5_000, 1)),
                AIR,
                eaeu("RU"),
                new Rate("CNY", new BigDecimal("11.9876"), DAY),
                new Rate("EUR", new BigDecimal("93.1234"), DAY),
                true);

        assertThat(result.total())
                .isEqualTo(result.lines().stream().mapToLong(QuoteLine::amount).sum());
    }
}
