package dev.silkway.ingestion.rates;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.silkway.testsupport.ServiceProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The CBR sandbox is another engineer's; until it lands, a JDK HTTP server serves a real-shaped windows-1251 file. */
@SpringBootTest
class ExchangeRatesIT {

    static final AtomicReference<String> requested = new AtomicReference<>();
    static final HttpServer cbr = start();

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/cbr/scripts/XML_daily.asp", exchange -> {
                requested.set(exchange.getRequestURI().getQuery());
                byte[] body = CbrRatesTest.windows1251();
                exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=windows-1251");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        cbr.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-rates");
        ServiceProperties.kafka(registry);
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        registry.add(
                "silkway.ingestion.exchange-rates-url",
                () -> "http://127.0.0.1:" + cbr.getAddress().getPort() + "/cbr/scripts/XML_daily.asp");
    }

    @Autowired
    ExchangeRatesJob job;

    @Autowired
    ExchangeRates rates;

    @Test
    void storesTheRatesUnderTheFilesDateAndConvertsYuanForDisplay() throws Exception {
        int stored = job.fetchAndStore(LocalDate.of(2026, 11, 30));

        assertThat(stored).isEqualTo(2);
        assertThat(requested.get()).isEqualTo("date_req=30/11/2026");
        assertThat(rates.rubPerUnit("CNY", LocalDate.of(2026, 11, 30)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("11.1234"));
        assertThat(rates.rubPerUnit("CNY", LocalDate.of(2026, 11, 27))).isEmpty();
        assertThat(rates.cnyFenToRubKopecks(12_990, LocalDate.of(2026, 12, 1))).hasValue(144_493L);
        assertThat(rates.rubPerUnit("KZT", LocalDate.of(2026, 11, 28)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.156789"));
    }

    @Test
    void runningTheDailyJobTwiceKeepsOneRowPerCurrencyAndDate() throws Exception {
        job.fetchAndStore(LocalDate.of(2026, 11, 30));
        job.fetchAndStore(LocalDate.of(2026, 11, 30));

        assertThat(rates.rubPerUnit("CNY", LocalDate.of(2026, 11, 28))).isPresent();
    }
}
