package dev.silkway.ingestion.marketplace.jd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.ingestion.marketplace.common.FixtureServer;
import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.common.Page;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdClientTest {

    private final FixtureServer server = new FixtureServer();
    private final TestTransport transport = new TestTransport();

    static JdProperties properties(URI baseUrl, String accessToken) {
        return new JdProperties(
                baseUrl,
                "jdkey",
                "jdsecret",
                accessToken,
                "",
                30,
                TestTransport.SETTINGS,
                4000,
                List.of("15", "16", "19"),
                List.of("71"),
                List.of("1", "66", "67"));
    }

    private JdClient client(String accessToken) {
        return new JdClient(
                properties(server.baseUrl(), accessToken), transport.http(Marketplace.JD), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void parsesTheQueryResultStringASecondTime() {
        server.thenFixture("jd/goods-query.json");
        JdClient client = client("");
        Page page = client.fetchPage(new PageRequest(1, 30));

        assertThat(page.totalResults()).isEqualTo(2000);
        List<ParseOutcome<Offer>> outcomes = OfferParsing.parsePage(page.offers(), client.parser());
        var offer = ((ParseOutcome.Accepted<Offer>) outcomes.getFirst()).offer();
        assertThat(offer.externalId()).isEqualTo("100012043978");
        assertThat(offer.priceFen()).isEqualTo(89_950);
        assertThat(offer.listPriceFen()).isEqualTo(99_900);
        assertThat(offer.categoryId()).isEqualTo("842");
        assertThat(offer.categoryPath()).containsExactly("数码", "影音娱乐", "耳机/耳麦");
        assertThat(offer.rating()).isEqualByComparingTo(new BigDecimal("4.90"));
        assertThat(offer.reviewCount()).isEqualTo(230_000);
        assertThat(offer.salesCount()).isEqualTo(15_000);
        assertThat(offer.imageUrls()).hasSize(2).allMatch(url -> url.startsWith("https://"));
        assertThat(offer.sourceUrl()).isEqualTo("https://item.jd.com/100012043978.html");
        assertThat(offer.attributes())
                .containsExactly(new Offer.Attribute("店铺", "华为京东自营官方旗舰店"), new Offer.Attribute("经营方式", "京东自营"));
        assertThat(outcomes.stream().skip(1).map(o -> ((ParseOutcome.Rejected<Offer>) o).reason()))
                .containsExactly(RejectionReason.MISSING_PRICE, RejectionReason.WRONG_TYPE);
    }

    @Test
    void sendsTheAccessTokenOnlyWhenSetAndSignsTheJsonParam() {
        server.thenFixture("jd/goods-query.json");
        client("").fetchPage(new PageRequest(2, 30));
        var form = server.received().getFirst().form();
        assertThat(form).doesNotContainKey("access_token").containsEntry("v", "1.0");
        assertThat(form.get("360buy_param_json")).isEqualTo("{\"goodsReqDTO\":{\"pageIndex\":2,\"pageSize\":30}}");
        assertThat(form.get("sign"))
                .isEqualTo(dev.silkway.ingestion.marketplace.transport.Md5Signature.sign(form, "jdsecret"));

        client("token-1").fetchPage(new PageRequest(1, 30));
        assertThat(server.received().get(1).form()).containsEntry("access_token", "token-1");
    }

    @ParameterizedTest
    @CsvSource({
        "error-15, CREDENTIALS, 1",
        "error-16, CREDENTIALS, 1",
        "error-19, CREDENTIALS, 1",
        "error-71, RATE, 4",
        "error-66, UNAVAILABLE, 4",
        "business-error, REJECTED, 1",
        "broken-query-result, UNAVAILABLE, 4"
    })
    void mapsGatewayAndBusinessErrors(String fixture, String kind, int attempts) {
        server.thenFixture("jd/" + fixture + ".json");
        Class<?> expected = switch (kind) {
            case "RATE" -> MarketplaceRateLimited.class;
            case "CREDENTIALS" -> MarketplaceCredentialsRejected.class;
            case "REJECTED" -> MarketplaceRequestRejected.class;
            default -> MarketplaceUnavailable.class;
        };
        assertThatThrownBy(() -> client("").fetchPage(PageRequest.first(30))).isInstanceOf(expected);
        assertThat(server.received()).hasSize(attempts);
    }
}
