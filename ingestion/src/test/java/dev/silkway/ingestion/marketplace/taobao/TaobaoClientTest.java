package dev.silkway.ingestion.marketplace.taobao;

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
import dev.silkway.ingestion.marketplace.transport.MarketplaceException;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRequestRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceUnavailable;
import dev.silkway.ingestion.marketplace.transport.TestTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaobaoClientTest {

    private final FixtureServer server = new FixtureServer();
    private final TestTransport transport = new TestTransport();

    static TaobaoProperties properties(URI baseUrl, TopSignMethod method) {
        return new TaobaoProperties(
                baseUrl, "12345678", "helloworld", method, "", "109876", "运动鞋", 20, TestTransport.SETTINGS, 4000);
    }

    private TaobaoClient client(TopSignMethod method) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T02:30:00Z"), ZoneOffset.UTC);
        return new TaobaoClient(properties(server.baseUrl(), method), transport.http(Marketplace.TAOBAO), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void parsesAMaterialPageWithEveryQuirk() {
        server.thenFixture("taobao/material-optional.json");
        TaobaoClient client = client(TopSignMethod.MD5);
        Page page = client.fetchPage(new PageRequest(1, 20));

        assertThat(page.totalResults()).isEqualTo(2000);
        assertThat(page.hasNext()).isTrue();
        List<ParseOutcome<Offer>> outcomes = OfferParsing.parsePage(page.offers(), client.parser());
        var offer = ((ParseOutcome.Accepted<Offer>) outcomes.getFirst()).offer();
        assertThat(offer.externalId()).isEqualTo("600000000003");
        assertThat(offer.priceFen()).isEqualTo(59_990);
        assertThat(offer.originalPrice().value()).isEqualTo("599.90");
        assertThat(offer.listPriceFen()).isEqualTo(89_900);
        assertThat(offer.imageUrls())
                .containsExactly(
                        "https://img.alicdn.com/i1/sandbox/a.jpg",
                        "https://img.alicdn.com/i1/sandbox/b.jpg",
                        "https://img.alicdn.com/i1/sandbox/c.jpg");
        assertThat(offer.categoryId()).isEqualTo("50012345");
        assertThat(offer.categoryPath()).containsExactly("运动鞋new", "跑步鞋");
        assertThat(offer.salesCount()).isEqualTo(12_034);
        assertThat(offer.sourceUrl()).isEqualTo("https://item.taobao.com/item.htm?id=600000000003");
        assertThat(offer.attributes())
                .containsExactly(
                        new Offer.Attribute("店铺", "耐克官方旗舰店"),
                        new Offer.Attribute("店铺类型", "天猫"),
                        new Offer.Attribute("发货地", "浙江 杭州"));
        assertThat(outcomes.stream().skip(1).map(o -> ((ParseOutcome.Rejected<Offer>) o).reason()))
                .containsExactly(
                        RejectionReason.MISSING_PRICE,
                        RejectionReason.DUPLICATE_ID,
                        RejectionReason.CONTROL_CHARACTERS,
                        RejectionReason.NEGATIVE_PRICE,
                        RejectionReason.WRONG_TYPE);
    }

    @Test
    void sendsSystemParamsWithAGmtPlus8TimestampAndAVerifiableSign() {
        server.thenFixture("taobao/material-optional.json");
        client(TopSignMethod.HMAC_SHA256).fetchPage(new PageRequest(3, 20));

        Map<String, String> form = server.received().getFirst().form();
        assertThat(server.received().getFirst().path()).isEqualTo("/router/rest");
        assertThat(form)
                .containsEntry("method", "taobao.tbk.dg.material.optional")
                .containsEntry("timestamp", "2026-01-15 10:30:00")
                .containsEntry("sign_method", "hmac-sha256")
                .containsEntry("page_no", "3")
                .containsEntry("v", "2.0")
                .doesNotContainKey("session");
        assertThat(form.get("sign")).isEqualTo(TaobaoSigner.sign(form, "helloworld", TopSignMethod.HMAC_SHA256));
    }

    @Test
    void looksUpAtMostFortyItems() {
        server.thenFixture("taobao/item-info.json");
        TaobaoClient client = client(TopSignMethod.HMAC);
        var raws = client.itemInfo(List.of("600000000003"));
        assertThat(raws)
                .singleElement()
                .satisfies(raw -> assertThat(raw.externalId()).isEqualTo("600000000003"));
        assertThat(client.parser().parse(raws.getFirst())).isInstanceOf(ParseOutcome.Accepted.class);
        assertThatThrownBy(() -> client.itemInfo(java.util.Collections.nCopies(41, "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "7, RATE, 4",
        "25, CREDENTIALS, 1",
        "27, CREDENTIALS, 1",
        "29, CREDENTIALS, 1",
        "31, CREDENTIALS, 1",
        "40, REJECTED, 1",
        "41, REJECTED, 1",
        "15, UNAVAILABLE, 4"
    })
    void mapsEveryErrorCodeToRetryOrNot(String code, String kind, int attempts) {
        server.thenFixture("taobao/error-" + code + ".json");
        Class<? extends MarketplaceException> expected = switch (kind) {
            case "RATE" -> MarketplaceRateLimited.class;
            case "CREDENTIALS" -> MarketplaceCredentialsRejected.class;
            case "REJECTED" -> MarketplaceRequestRejected.class;
            default -> MarketplaceUnavailable.class;
        };
        assertThatThrownBy(() -> client(TopSignMethod.MD5).fetchPage(PageRequest.first(20)))
                .isInstanceOf(expected)
                .hasMessageContaining(code);
        assertThat(server.received()).hasSize(attempts);
    }

    @Test
    void retriesServerErrorsWithGrowingJitteredBackoffThenSucceeds() {
        server.then(503, "").then(502, "<html>bad gateway</html>").thenFixture("taobao/material-optional.json");
        Page page = client(TopSignMethod.MD5).fetchPage(PageRequest.first(20));
        assertThat(page.offers()).hasSize(6);
        assertThat(transport.backoffs()).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void failsWithAnOperatorMessageOnABadSignature() {
        server.thenFixture("taobao/error-25.json");
        assertThatThrownBy(() -> client(TopSignMethod.MD5).fetchPage(PageRequest.first(20)))
                .isInstanceOf(MarketplaceCredentialsRejected.class)
                .hasMessageContaining("app-secret and sign-method")
                .hasMessageContaining("silkway.marketplaces.taobao");
    }
}
