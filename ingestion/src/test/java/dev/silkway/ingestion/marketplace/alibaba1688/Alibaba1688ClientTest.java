package dev.silkway.ingestion.marketplace.alibaba1688;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.ingestion.marketplace.common.FixtureServer;
import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.common.Page;
import dev.silkway.ingestion.marketplace.common.PageRequest;
import dev.silkway.ingestion.marketplace.common.ProductIdFeed;
import dev.silkway.ingestion.marketplace.offer.Offer;
import dev.silkway.ingestion.marketplace.offer.OfferParsing;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.TestTransport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Alibaba1688ClientTest {

    private final FixtureServer server = new FixtureServer();
    private final TestTransport transport = new TestTransport();

    static Alibaba1688Properties properties(URI baseUrl) {
        return new Alibaba1688Properties(
                baseUrl,
                "1688001",
                "sandbox-1688-secret",
                "tok123",
                List.of(),
                null,
                20,
                TestTransport.SETTINGS,
                4000,
                List.of("gw.AppKeyNotFound", "gw.SignatureInvalid"),
                List.of("gw.QosAppFrequencyLimit"));
    }

    private Alibaba1688Client client(List<String> ids) {
        return new Alibaba1688Client(
                properties(server.baseUrl()), transport.http(Marketplace.ALIBABA_1688), ProductIdFeed.declared(ids));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keepsProductIdsBeyond2Pow53ExactAndReadsSkus() {
        server.thenFixture("alibaba1688/product-get.json");
        Alibaba1688Client client = client(List.of("9007199254740995"));
        Page page = client.fetchPage(PageRequest.first(20));

        assertThat(page.hasNext()).isFalse();
        assertThat(server.received().getFirst().path())
                .isEqualTo("/openapi/param2/1/com.alibaba.product/alibaba.product.get/1688001");
        var form = server.received().getFirst().form();
        assertThat(form).containsEntry("productID", "9007199254740995").containsEntry("webSite", "1688");
        assertThat(form.get("_aop_signature"))
                .isEqualTo(AopSigner.sign(
                        "param2/1/com.alibaba.product/alibaba.product.get/1688001",
                        java.util.Map.of("productID", "9007199254740995", "webSite", "1688", "access_token", "tok123"),
                        "sandbox-1688-secret"));
        var offer = ((ParseOutcome.Accepted<Offer>)
                        client.parser().parse(page.offers().getFirst()))
                .offer();
        assertThat(offer.externalId()).isEqualTo("9007199254740995");
        assertThat(offer.titleTranslated()).isEqualTo("Factory Men's Breathable Sneakers");
        assertThat(offer.priceFen()).isEqualTo(3_250);
        assertThat(offer.stock()).isEqualTo(120);
        assertThat(offer.brand()).isEqualTo("回力");
        assertThat(offer.skus()).hasSize(2);
        assertThat(offer.skus().getFirst().attributes())
                .containsEntry("颜色", "黑色")
                .containsEntry("尺码", "42");
        assertThat(offer.skus().getFirst().priceFen()).isEqualTo(3_550);
        assertThat(offer.imageUrls()).first().isEqualTo("https://cbu01.alicdn.com/img/ibank/2026/001/1.jpg");
        assertThat(offer.attributes()).containsExactly(new Offer.Attribute("品牌", "回力"), new Offer.Attribute("单位", "双"));
    }

    @Test
    void quarantinesNegativeStockAndUnknownProducts() {
        server.thenFixture("alibaba1688/product-negative-stock.json").thenFixture("alibaba1688/error-not-found.json");
        Alibaba1688Client client = client(List.of("9007199254740997", "9007199254740999"));
        List<ParseOutcome<Offer>> outcomes =
                OfferParsing.parsePage(client.fetchPage(PageRequest.first(20)).offers(), client.parser());
        assertThat(outcomes)
                .extracting(o -> ((ParseOutcome.Rejected<Offer>) o).reason())
                .containsExactly(RejectionReason.NEGATIVE_STOCK, RejectionReason.INVALID_VALUE);
    }

    @Test
    void neverRetriesSignatureOrAppKeyErrors() {
        server.then(401, FixtureServer.fixture("alibaba1688/error-signature.json"));
        assertThatThrownBy(() -> client(List.of("1")).fetchPage(PageRequest.first(20)))
                .isInstanceOf(MarketplaceCredentialsRejected.class)
                .hasMessageContaining("gw.SignatureInvalid");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void retriesTheFrequencyLimit() {
        server.then(400, FixtureServer.fixture("alibaba1688/error-rate.json"));
        assertThatThrownBy(() -> client(List.of("1")).fetchPage(PageRequest.first(20)))
                .isInstanceOf(MarketplaceRateLimited.class);
        assertThat(server.received()).hasSize(4);
    }
}
