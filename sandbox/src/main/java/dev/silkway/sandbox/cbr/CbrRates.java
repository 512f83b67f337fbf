package dev.silkway.sandbox.cbr;

import dev.silkway.sandbox.catalogue.Hashing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Deterministic CBR quotes: each currency drifts smoothly around a realistic level with the rate date. Like the real
 * publication, Sunday and Monday answer the Saturday rates and the New Year holidays answer 31 December's.
 */
final class CbrRates {

    record Currency(String id, String numCode, String charCode, int nominal, String name, double level) {}

    record Quote(Currency currency, BigDecimal value, BigDecimal unitRate) {}

    static final List<Currency> CURRENCIES = List.of(
            new Currency("R01035", "826", "GBP", 1, "Фунт стерлингов Соединенного королевства", 112.0),
            new Currency("R01060", "051", "AMD", 100, "Армянских драмов", 23.1),
            new Currency("R01090B", "933", "BYN", 1, "Белорусский рубль", 27.4),
            new Currency("R01200", "344", "HKD", 1, "Гонконгский доллар", 11.4),
            new Currency("R01235", "840", "USD", 1, "Доллар США", 88.5),
            new Currency("R01239", "978", "EUR", 1, "Евро", 96.2),
            new Currency("R01335", "398", "KZT", 100, "Казахстанских тенге", 17.3),
            new Currency("R01370", "417", "KGS", 10, "Киргизских сомов", 10.2),
            new Currency("R01375", "156", "CNY", 1, "Китайский юань", 11.6),
            new Currency("R01700J", "949", "TRY", 10, "Турецких лир", 22.4),
            new Currency("R01717", "860", "UZS", 10000, "Узбекских сумов", 70.1),
            new Currency("R01820", "392", "JPY", 100, "Японских иен", 58.9));

    private CbrRates() {}

    /** The date whose rates answer a request for {@code requested}. */
    static LocalDate rateDate(LocalDate requested) {
        if (requested.getMonthValue() == 1 && requested.getDayOfMonth() <= 11) {
            return LocalDate.of(requested.getYear() - 1, 12, 31);
        }
        return switch (requested.getDayOfWeek()) {
            case SUNDAY -> requested.minusDays(1);
            case MONDAY -> requested.minusDays(2);
            default -> requested;
        };
    }

    static Quote quote(Currency currency, LocalDate rateDate, long seed) {
        long day = rateDate.toEpochDay();
        double phase = Hashing.unit(Hashing.mix(seed, currency.charCode().hashCode())) * Math.PI * 2;
        double noise = Hashing.unit(Hashing.mix(seed, currency.charCode().hashCode(), day)) - 0.5;
        double value = currency.level() * (1 + 0.04 * Math.sin(day / 45.0 + phase) + 0.006 * noise);
        BigDecimal quoted = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
        BigDecimal unit = quoted.divide(BigDecimal.valueOf(currency.nominal()), 8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return new Quote(currency, quoted, unit.scale() < 4 ? unit.setScale(4, RoundingMode.UNNECESSARY) : unit);
    }
}
