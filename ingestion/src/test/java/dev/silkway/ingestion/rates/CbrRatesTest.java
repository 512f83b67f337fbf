package dev.silkway.ingestion.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CbrRatesTest {

    static final String DAILY = """
            <?xml version="1.0" encoding="windows-1251"?>
            <ValCurs Date="28.11.2026" name="Foreign Currency Market">
            <Valute ID="R01375"><NumCode>156</NumCode><CharCode>CNY</CharCode><Nominal>1</Nominal>\
            <Name>Китайский юань</Name><Value>11,1234</Value><VunitRate>11,1234</VunitRate></Valute>
            <Valute ID="R01335"><NumCode>398</NumCode><CharCode>KZT</CharCode><Nominal>100</Nominal>\
            <Name>Казахстанских тенге</Name><Value>15,6789</Value></Valute>
            </ValCurs>
            """;

    static byte[] windows1251() {
        return DAILY.getBytes(Charset.forName("windows-1251"));
    }

    @Test
    void readsWindows1251WithDecimalCommasAndTheFilesOwnDate() {
        CbrRates.Daily daily = CbrRates.parse(windows1251());

        assertThat(daily.date()).isEqualTo(LocalDate.of(2026, 11, 28));
        CbrRates.Rate cny = daily.rates().getFirst();
        assertThat(cny.currency()).isEqualTo("CNY");
        assertThat(cny.cbrId()).isEqualTo("R01375");
        assertThat(cny.rate()).isEqualByComparingTo("11.1234");
        assertThat(cny.unitRate()).isEqualByComparingTo("11.1234");
    }

    @Test
    void dividesByTheNominalWhenThereIsNoUnitRate() {
        CbrRates.Rate kzt = CbrRates.parse(windows1251()).rates().get(1);

        assertThat(kzt.nominal()).isEqualTo(100);
        assertThat(kzt.rate()).isEqualByComparingTo("15.6789");
        assertThat(kzt.unitRate()).isEqualByComparingTo(new BigDecimal("0.156789"));
    }

    @Test
    void rejectsAFileThatIsNotACbrDailyFile() {
        assertThatThrownBy(() -> CbrRates.parse("<html/>".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CBR daily file");
    }
}
