package dev.silkway.db;

import static dev.silkway.db.Violations.assertViolates;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ExchangeRatesSchemaIT {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = MigratedDatabase.fresh("exchange_rates_schema");
    }

    private static int insertRate(String currency, String date, int nominal, String rate, String unitRate) {
        return jdbc.update("""
                INSERT INTO exchange_rates (currency, rate_date, nominal, rate, unit_rate, cbr_id)
                VALUES (?, ?::date, ?, ?::numeric, ?::numeric, 'R01375')""", currency, date, nominal, rate, unitRate);
    }

    @Test
    void keepsTheRateWithItsPublishedScaleAndTheUnitRateWithTen() {
        insertRate("JPY", "2025-06-02", 100, "54.1234", "0.541234");

        var row = jdbc.queryForMap("SELECT rate, unit_rate FROM exchange_rates WHERE currency = 'JPY'");

        assertThat(row.get("rate")).isEqualTo(new BigDecimal("54.1234"));
        assertThat(row.get("unit_rate")).isEqualTo(new BigDecimal("0.5412340000"));
    }

    @Test
    void rejectsASecondRateForTheSameCurrencyAndDate() {
        insertRate("CNY", "2025-06-03", 1, "11.0523", "11.0523");

        assertViolates("exchange_rates_pkey", () -> insertRate("CNY", "2025-06-03", 1, "11.0600", "11.06"));
    }

    @Test
    void findsTheLatestRateOnOrBeforeADay() {
        insertRate("KZT", "2025-06-05", 100, "15.5000", "0.155");
        insertRate("KZT", "2025-06-07", 100, "15.6000", "0.156");

        assertThat(jdbc.queryForObject("""
                        SELECT rate FROM exchange_rates
                        WHERE currency = 'KZT' AND rate_date <= '2025-06-06' ORDER BY rate_date DESC LIMIT 1""", BigDecimal.class)).isEqualByComparingTo("15.5");
    }

    @Test
    void rejectsAZeroNominal() {
        assertViolates("exchange_rates_nominal_check", () -> insertRate("USD", "2025-06-03", 0, "80.1200", "80.12"));
    }

    @Test
    void rejectsARateOfTheRoubleAgainstItself() {
        assertViolates("exchange_rates_currency_check", () -> insertRate("RUB", "2025-06-03", 1, "1.0000", "1"));
    }
}
