package dev.silkway.storefront.money;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CBR rate of the day from {@code exchange_rates}: the latest rate published for a date on or
 * before today in Moscow (weekends and holidays keep the last working day's rate). Not cached:
 * checkout reads it once per cart view or quote, by primary key.
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
}
