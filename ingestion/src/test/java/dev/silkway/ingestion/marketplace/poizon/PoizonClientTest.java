package dev.silkway.ingestion.marketplace.poizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.ingestion.marketplace.common.FixtureServer;
import dev.silkway.ingestion.marketplace.common.Marketplace;
import dev.silkway.ingestion.marketplace.common.PageRequest;
import dev.silkway.ingestion.marketplace.common.ProductIdFeed;
import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.ingestion.marketplace.offer.Offer;
import dev.silkway.ingestion.marketplace.offer.OfferParsing;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceRateLimited;
import dev.silkway.ingestion.marketplace.transport.TestTransport;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoizonClientTest {

    private final FixtureServer server = new FixtureServer();
    private final TestTransport transport = new TestTransport();

    static PoizonProperties properties(URI baseUrl) {
        return new PoizonProperties(
                baseUrl,
                "pzkey",
                "pzsecret",
                List.of(),
                null,
                20,
                true,
                "/dop/api/v1/spu/batch_article_number",
                "/dop/api/v1/bidding/normal/normal_lowest_price",
                "200",
                List.of("401", "403"),
                List.of("429"),
                List.of("500"),
                TestTransport.SETTINGS,
                4000);
    }

    private PoizonClient client() {
        return new PoizonClient(
                properties(server.baseUrl()),
                transport.http(Marketplace.POIZON),
                ProductIdFeed.declared(List.of("DD1391-100", "XX0000043-043")),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsNestedJsonPropertiesAndTheLowestPriceInFen() {
        server.route(request -> {
            if (request.path().endsWith("batch_article_number")) {
                return new FixtureServer.Reply(200, FixtureServer.fixture("poizon/spus.json"));
            }
            String skuId = Json.read(request.body()).path("sku_id").asString();
            return new FixtureServer.Reply(200, FixtureServer.fixture("poizon/lowest-" + skuId + ".json"));
        });
        PoizonClient client = client();
        var page = client.fetchPage(PageRequest.first(20));
        List<ParseOutcome<Offer>> outcomes = OfferParsing.parsePage(page.offers(), client.parser());

        var offer = ((ParseOutcome.Accepted<Offer>) outcomes.getFirst()).offer();
        assertThat(offer.externalId()).isEqualTo("1000042");
        assertThat(offer.priceFen()).isEqualTo(79_900);
        assertThat(offer.skus()).hasSize(2);
        assertThat(offer.skus().getFirst().attributes())
                .containsEntry("尺码", "42.5")
                .containsEntry("颜色", "黑白");
        assertThat(offer.skus().get(1).priceFen()).isEqualTo(82_900);
        assertThat(offer.brand()).isEqualTo("Nike");
        assertThat(offer.attributes()).containsExactly(new Offer.Attribute("货号", "DD1391-100"));
        assertThat(((ParseOutcome.Rejected<Offer>) outcomes.get(1)).reason())
                .isEqualTo(RejectionReason.BROKEN_NESTED_JSON);
    }

    @Test
    void signsTheJsonBody() {
        server.thenFixture("poizon/spus.json");
        var body = client().signed(new LinkedHashMap<>(Map.of("article_numbers", List.of("A", "B"))));
        assertThat(body.get("sign")).isEqualTo(PoizonSigner.sign(body, "pzsecret"));
        assertThat(body).containsKeys("app_key", "timestamp");
    }

    @Test
    void mapsSignatureAndThrottlingCodes() {
        server.thenFixture("poizon/error-401.json");
        assertThatThrownBy(() -> client().fetchPage(PageRequest.first(20)))
                .isInstanceOf(MarketplaceCredentialsRejected.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void retriesThrottling() {
        server.thenFixture("poizon/error-429.json");
        assertThatThrownBy(() -> client().fetchPage(PageRequest.first(20))).isInstanceOf(MarketplaceRateLimited.class);
        assertThat(server.received()).hasSize(4);
    }
}
