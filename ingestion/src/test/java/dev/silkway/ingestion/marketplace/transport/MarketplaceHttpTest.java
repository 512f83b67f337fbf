package dev.silkway.ingestion.marketplace.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.ingestion.marketplace.common.FixtureServer;
import dev.silkway.ingestion.marketplace.common.Marketplace;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MarketplaceHttpTest {

    private final FixtureServer server = new FixtureServer();
    private final TestTransport transport = new TestTransport();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusesAnAnswerPastItsSizeCapWithoutRetrying() {
        server.then(200, "{\"data\":\"" + "x".repeat(8192) + "\"}");
        MarketplaceHttp http = transport.http(Marketplace.JD, DataSize.ofKilobytes(4));

        assertThatThrownBy(() -> http.exchange(() -> HttpRequest.newBuilder(server.baseUrl()), reply -> reply))
                .isInstanceOf(MarketplaceRequestRejected.class)
                .hasMessageContaining("larger than 4096 bytes");
        assertThat(server.received()).hasSize(1);
        assertThat(transport.backoffs()).isEmpty();
    }

    @Test
    void retriesAServerErrorThenReadsTheAnswer() {
        server.then(502, "<html>bad gateway</html>").then(200, "{\"ok\":true}");
        MarketplaceHttp http = transport.http(Marketplace.PINDUODUO);

        HttpReply reply = http.exchange(() -> HttpRequest.newBuilder(server.baseUrl()), r -> r);

        assertThat(reply.body()).isEqualTo("{\"ok\":true}");
        assertThat(transport.backoffs()).hasSize(1);
    }
}
