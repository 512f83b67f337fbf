package dev.silkway.storefront.catalogue;

import dev.silkway.storefront.money.CbrRates;
import dev.silkway.storefront.money.NoExchangeRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The CBR rate of the day of the yuan (RUB per 1 CNY, {@link CbrRates}, the same rate the cart and the quote use),
 * cached briefly: the index stores CNY, the API shows RUB, and price filters and facet buckets convert with the same
 * rate.
 */
@Component
class ExchangeRates {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRates.class);

    private final CbrRates cbr;
    private final CatalogueProperties properties;
    private volatile @Nullable Cached cached;

    ExchangeRates(CbrRates cbr, CatalogueProperties properties) {
        this.cbr = cbr;
        this.properties = properties;
    }

    /** RUB per CNY. */
    BigDecimal cnyRate() {
        Cached current = cached;
        long now = System.nanoTime();
        if (current != null && now - current.at < properties.cacheTtl().toNanos()) {
            return current.rate;
        }
        BigDecimal rate;
        try {
            rate = cbr.ofTheDay("CNY").unitRate();
        } catch (NoExchangeRate e) {
            if (properties.fallbackCnyRate() == null) {
                throw new IllegalStateException("No CNY exchange rate yet and no silkway.catalogue.fallback-cny-rate");
            }
            log.warn("No CNY exchange rate in the database yet; using the configured fallback");
            rate = properties.fallbackCnyRate();
        }
        cached = new Cached(rate, now);
        return rate;
    }

    /** A CNY amount in fen shown in RUB, to the kopeck. */
    BigDecimal toRub(long fen, BigDecimal rate) {
        return BigDecimal.valueOf(fen).movePointLeft(2).multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal toCny(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A RUB amount as fen, rounded in the given direction (up for a lower bound, down for an upper one). */
    static long toFen(BigDecimal rub, BigDecimal rate, RoundingMode rounding) {
        return rub.movePointRight(2).divide(rate, 0, rounding).longValueExact();
    }

    private record Cached(BigDecimal rate, long at) {}
}
