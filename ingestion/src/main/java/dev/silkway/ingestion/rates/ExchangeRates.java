package dev.silkway.ingestion.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exchange-rate facade others call: the RUB rate of a currency for a day (the latest CBR date on or before it)
 * and CNY fen → RUB kopecks for display prices.
 */
@Component
public class ExchangeRates {

    private final JdbcTemplate jdbc;

    ExchangeRates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** RUB per one unit of {@code currency} in force on {@code day}. */
    public Optional<BigDecimal> rubPerUnit(String currency, LocalDate day) {
        return jdbc
                .query(
                        "SELECT unit_rate FROM exchange_rates WHERE currency = ? AND rate_date <= ?"
                                + " ORDER BY rate_date DESC LIMIT 1",
                        (rs, i) -> rs.getBigDecimal(1),
                        currency,
                        day)
                .stream()
                .findFirst();
    }

    /** A CNY amount in fen as RUB kopecks at the day's rate (half-up). */
    public Optional<Long> cnyFenToRubKopecks(long fen, LocalDate day) {
        return rubPerUnit("CNY", day)
                .map(rate -> BigDecimal.valueOf(fen)
                        .multiply(rate)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact());
    }
}
