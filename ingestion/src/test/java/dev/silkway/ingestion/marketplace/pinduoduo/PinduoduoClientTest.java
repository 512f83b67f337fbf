package dev.silkway.ingestion.marketplace.pinduoduo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.ingestion.marketplace.common.FixtureServer;
import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.common.PageRequest;
import dev.silkway.ingestion.marketplace.offer.Offer;
import dev.silkway.ingestion.marketplace.offer.OfferParsing;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRequestRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import dev.silkway.ingestion.marketplace.transport.TestTransport;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinduoduoClientTest {

    private final FixtureServer server = new FixtureServer();
    private final TestTransport transport = new TestTransport();

    static PinduoduoProperties properties(URI baseUrl) {
        return new PinduoduoProperties(
                baseUrl, "pddclient", "pddsecret", "", "", "", 100, List.of("52101"), TestTransport.SETTINGS, 4000);
    }

    private PinduoduoClient client() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_768_444_200L), ZoneOffset.UTC);
        return new PinduoduoClient(properties(server.baseUrl()), transport.http(Marketplace.PINDUODUO), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsFenPricesAndSalesTips() {
        server.thenFixture("pinduoduo/goods-search.json");
        PinduoduoClient client = client();
        var page = client.fetchPage(new PageRequest(1, 100));
        var form = server.received().getFirst().form();
        assertThat(form).containsEntry("timestamp", "1768444200").containsEntry("data_type", "JSON");
        assertThat(form.get("sign"))
                .isEqualTo(dev.silkway.ingestion.marketplace.transport.Md5Signature.sign(form, "pddsecret"));

        List<ParseOutcome<Offer>> outcomes = OfferParsing.parsePage(page.offers(), client.parser());
        var offer = ((ParseOutcome.Accepted<Offer>) outcomes.getFirst()).offer();
        assertThat(offer.priceFen()).isEqualTo(4_990);
        assertThat(offer.listPriceFen()).isEqualTo(6_900);
        assertThat(offer.salesCount()).isEqualTo(100_000);
        assertThat(offer.rating()).isEqualByComparingTo(new BigDecimal("4.8"));
        assertThat(offer.categoryPath()).containsExactly("鞋包", "帆布鞋");
        assertThat(offer.attributes()).containsExactly(new Offer.Attribute("店铺", "回力官方旗舰店"));
        assertThat(outcomes.stream().skip(1).map(o -> ((ParseOutcome.Rejected<Offer>) o).reason()))
                .containsExactly(RejectionReason.WRONG_TYPE, RejectionReason.MISSING_PRICE);
    }

    @ParameterizedTest
    @CsvSource({
        "10010, CREDENTIALS, 1",
        "20000, CREDENTIALS, 1",
        "50000, UNAVAILABLE, 4",
        "10000, REJECTED, 1",
        "52101, RATE, 4"
    })
    void mapsEveryErrorCode(String code, String kind, int attempts) {
        server.thenFixture("pinduoduo/error-" + code + ".json");
        Class<?> expected = switch (kind) {
            case "RATE" -> MarketplaceRateLimited.class;
            case "CREDENTIALS" -> MarketplaceCredentialsRejected.class;
            case "REJECTED" -> MarketplaceRequestRejected.class;
            default -> MarketplaceUnavailable.class;
        };
        assertThatThrownBy(() -> client().fetchPage(PageRequest.first(100))).isInstanceOf(expected);
        assertThat(server.received()).hasSize(attempts);
    }
}
