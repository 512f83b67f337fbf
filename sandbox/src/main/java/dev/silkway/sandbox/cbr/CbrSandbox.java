package dev.silkway.sandbox.cbr;

import dev.silkway.sandbox.catalogue.SandboxProperties;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cbr/scripts/XML_daily.asp?date_req=dd/MM/yyyy}: the Central Bank of Russia daily rates, in
 * windows-1251 with decimal commas; without {@code date_req}, today in Moscow.
 */
@RestController
class CbrSandbox {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final DateTimeFormatter REQUEST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ANSWER = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Clock clock;
    private final long seed;

    CbrSandbox(Clock clock, SandboxProperties properties) {
        this.clock = clock;
        this.seed = properties.seed();
    }

    @GetMapping("/cbr/scripts/XML_daily.asp")
    ResponseEntity<byte[]> daily(@RequestParam(name = "date_req", required = false) String dateReq) {
        LocalDate requested;
        try {
            requested = dateReq == null || dateReq.isBlank()
                    ? LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")))
                    : LocalDate.parse(dateReq.trim(), REQUEST);
        } catch (DateTimeParseException e) {
            return xml("<?xml version=\"1.0\" encoding=\"windows-1251\"?><ValCurs>Error in parameters</ValCurs>");
        }
        LocalDate rateDate = CbrRates.rateDate(requested);
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"windows-1251\"?>");
        body.append("<ValCurs Date=\"").append(ANSWER.format(rateDate)).append("\" name=\"Foreign Currency Market\">");
        for (CbrRates.Currency currency : CbrRates.CURRENCIES) {
            CbrRates.Quote quote = CbrRates.quote(currency, rateDate, seed);
            body.append("<Valute ID=\"")
                    .append(currency.id())
                    .append("\">")
                    .append("<NumCode>")
                    .append(currency.numCode())
                    .append("</NumCode>")
                    .append("<CharCode>")
                    .append(currency.charCode())
                    .append("</CharCode>")
                    .append("<Nominal>")
                    .append(currency.nominal())
                    .append("</Nominal>")
                    .append("<Name>")
                    .append(currency.name())
                    .append("</Name>")
                    .append("<Value>")
                    .append(comma(quote.value().toPlainString()))
                    .append("</Value>")
                    .append("<VunitRate>")
                    .append(comma(quote.unitRate().toPlainString()))
                    .append("</VunitRate>")
                    .append("</Valute>");
        }
        return xml(body.append("</ValCurs>").toString());
    }

    private static String comma(String decimal) {
        return decimal.replace('.', ',');
    }

    private static ResponseEntity<byte[]> xml(String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "xml", WINDOWS_1251))
                .body(body.getBytes(WINDOWS_1251));
    }
}
