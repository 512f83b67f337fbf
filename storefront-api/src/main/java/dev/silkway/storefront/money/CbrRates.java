package dev.silkway.storefront.money;

import dev.silkway.storefront.reference.Expiring;
import dev.silkway.storefront.reference.ReferenceDataProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CBR rate of the day from {@code exchange_rates}: the latest rate published for a date on or
 * before today in Moscow (weekends and holidays keep the last working day's rate). Every cart view and
 * quote needs it, and it changes once a day: the rates of a day are kept in memory for the reference
 * data's time to live, and read again at once when a currency is missing (a rate published late).
 */
@Component
public class CbrRates {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Expiring<LocalDate, Map<String, Rate>> ofTheDay;

    CbrRates(JdbcClient jdbc, Clock clock, ReferenceDataProperties reference) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ofTheDay = reference.expiring();
    }

    public Rate ofTheDay(String currency) {
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        Optional<Rate> kept = ofTheDay.get(today, this::read).map(rates -> rates.get(currency));
        if (kept.isEmpty()) {
            kept = ofTheDay.reload(today, this::read).map(rates -> rates.get(currency));
        }
        return kept.orElseThrow(() -> NoExchangeRate.forCurrency(currency));
    }

    /** The CNY and the EUR rates of the day. */
    public CnyAndEur cnyAndEur() {
        return new CnyAndEur(ofTheDay("CNY"), ofTheDay("EUR"));
    }

    public record CnyAndEur(Rate cny, Rate eur) {}

    /** Every currency's rate of the day, in one read; none when nothing was published yet. */
    private Optional<Map<String, Rate>> read(LocalDate today) {
        Map<String, Rate> rates = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (currency) currency, unit_rate, rate_date FROM exchange_rates
                        WHERE rate_date <= ? ORDER BY currency, rate_date DESC""").param(today).query(rs -> {
            String currency = rs.getString(1).strip();
            rates.put(currency, new Rate(currency, rs.getBigDecimal(2), rs.getObject(3, LocalDate.class)));
        });
        return rates.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(rates));
    }
}
