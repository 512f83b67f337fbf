package dev.silkway.storefront.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every conversion and rounding of checkout, written down once.
 *
 * <ol>
 *   <li>A CNY price becomes roubles per unit: fen × RUB-per-yuan, rounded half-up to the kopeck; a
 *       line is that unit price × quantity (no rounding), so a line always equals unit × quantity.
 *   <li>A percentage of an amount (insurance, service fee, duty) is rounded half-up to the kopeck,
 *       once, after the minimum or maximum it is clamped by is applied in kopecks.
 *   <li>Roubles become euros for the customs threshold exactly (no rounding: kopecks ÷ rate at 10
 *       decimals, half-up); the duty is computed in euros and converted back to roubles, rounded
 *       half-up to the kopeck once, at the end.
 *   <li>A total is the sum of its lines in kopecks: nothing is rounded at the total.
 * </ol>
 */
public final class Rounding {

    private static final int EXACT_SCALE = 10;

    private Rounding() {}

    /** Kopecks for {@code fen} yuan-fen at {@code rate} (roubles per yuan), half-up. */
    public static long kopecksOf(long fen, Rate rate) {
        return toMinor(BigDecimal.valueOf(fen).multiply(rate.unitRate()));
    }

    /** {@code percent}% of {@code kopecks}, half-up to the kopeck. */
    public static long percentOf(long kopecks, BigDecimal percent) {
        return toMinor(BigDecimal.valueOf(kopecks).multiply(percent).movePointLeft(2));
    }

    /** A rouble amount in euros (major units), exact to 10 decimals. */
    public static BigDecimal euros(long kopecks, Rate eur) {
        return BigDecimal.valueOf(kopecks, 2).divide(eur.unitRate(), EXACT_SCALE, RoundingMode.HALF_UP);
    }

    /** A euro amount (major units) in kopecks, half-up. */
    public static long kopecksOfEuros(BigDecimal euros, Rate eur) {
        return toMinor(euros.multiply(eur.unitRate()).movePointRight(2));
    }

    private static long toMinor(BigDecimal minor) {
        return minor.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
