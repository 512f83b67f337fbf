package dev.silkway.storefront.money;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CBR rate of the day from {@code exchange_rates}: the latest rate published for a date on or
 * before today in Moscow (weekends and holidays keep the last working day's rate). Not cached:
 * checkout reads it once per cart view or quote, by primary key (a quote's two currencies in one read).
 */
@Component
public class CbrRates {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final JdbcClient jdbc;
    private final Clock clock;

    CbrRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Rate ofTheDay(String currency) {
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        return jdbc.sql("""
                        SELECT currency, unit_rate, rate_date FROM exchange_rates
                        WHERE currency = ? AND rate_date <= ? ORDER BY rate_date DESC LIMIT 1""")
                .params(currency, today)
                .query((rs, n) ->
                        new Rate(rs.getString(1).strip(), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class)))
                .optional()
                .orElseThrow(() -> NoExchangeRate.forCurrency(currency));
    }

    /** The CNY and the EUR rates of the day, in one read. */
    public CnyAndEur cnyAndEur() {
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        Map<String, Rate> rates = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (currency) currency, unit_rate, rate_date FROM exchange_rates
                        WHERE currency IN ('CNY', 'EUR') AND rate_date <= ? ORDER BY currency, rate_date DESC""").param(today).query(rs -> {
            String currency = rs.getString(1).strip();
            rates.put(currency, new Rate(currency, rs.getBigDecimal(2), rs.getObject(3, LocalDate.class)));
        });
        return new CnyAndEur(rate(rates, "CNY"), rate(rates, "EUR"));
    }

    public record CnyAndEur(Rate cny, Rate eur) {}

    private static Rate rate(Map<String, Rate> rates, String currency) {
        Rate rate = rates.get(currency);
        if (rate == null) {
            throw NoExchangeRate.forCurrency(currency);
        }
        return rate;
    }
}
