package dev.silkway.ingestion.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.config.FeedBounds;
import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.ingestion.marketplace.offer.Json;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.platform.outbound.OutboundHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenericFeedUnitsTest {

    static final FeedDefinition.Mapping MAPPING = new FeedDefinition.Mapping(
            "$.data.items",
            "$.id",
            "$.title",
            null,
            null,
            "$.price",
            "yuan",
            null,
            "$.currency",
            "$.stock",
            "$.brand",
            "$.category.id",
            "$.category.path",
            "$.images",
            "$.rating",
            "$.reviews",
            "$.sales",
            "$.url",
            new FeedDefinition.Skus("$.skus", "$.id", "$.price", "$.stock", Map.of("colour", "$.color")));

    static final FeedSecretProperties NO_RING = new FeedSecretProperties("", "", 100);

    final ItemMapper mapper = new ItemMapper("acme", MAPPING);

    @Test
    void mapsAnItemWithItsSkusThroughTheDeclaredPaths() {
        ParseOutcome<CatalogueOffer> parsed = mapper.map("""
                {"id": 12345678901234567890, "title": "运动鞋", "price": "59.90", "currency": "CNY", "stock": 7,
                 "brand": "李宁", "category": {"id": 501, "path": ["鞋", "运动鞋"]}, "images": ["https://i/1.jpg"],
                 "rating": 4.8, "reviews": 12, "sales": 300, "url": "https://shop/1",
                 "skus": [{"id": "s1", "color": "红色", "price": 61.5, "stock": 3}, {"id": "s2", "color": "黑色"}]}
                """);

        assertThat(parsed).isInstanceOf(ParseOutcome.Accepted.class);
        var offer = ((ParseOutcome.Accepted<CatalogueOffer>) parsed).offer();
        assertThat(offer.externalId()).isEqualTo("12345678901234567890");
        assertThat(offer.categoryPath()).isEqualTo("鞋 > 运动鞋");
        assertThat(offer.skus()).hasSize(2);
        assertThat(offer.skus().get(0).amountMinor()).isEqualTo(6150);
        assertThat(offer.skus().get(0).attributes()).containsEntry("colour", "红色");
        assertThat(offer.skus().get(1).amountMinor()).isEqualTo(5990);
        assertThat(offer.skus().get(1).quantity())
                .as("a SKU without its own stock: unknown")
                .isNull();
    }

    @Test
    void rejectsEachKindOfBrokenItemWithItsReason() {
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\"}")).isEqualTo("MISSING_PRICE");
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\", \"price\": \"-1.00\"}"))
                .isEqualTo("NEGATIVE_PRICE");
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\", \"price\": {\"amount\": 1}}"))
                .isEqualTo("WRONG_TYPE");
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\", \"price\": \"面议\"}"))
                .isEqualTo("WRONG_TYPE");
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\", \"price\": \"1.234\"}"))
                .isEqualTo("INVALID_VALUE");
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\", \"price\": \"1\", \"stock\": -2}"))
                .isEqualTo("NEGATIVE_STOCK");
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\\u0007\", \"price\": \"1\"}"))
                .isEqualTo("CONTROL_CHARACTERS");
        assertThat(reason("{\"id\": \"a\", \"title\": \"" + "长".repeat(4001) + "\", \"price\": \"1\"}"))
                .isEqualTo("OVERSIZED_TEXT");
        assertThat(reason("{\"title\": \"t\", \"price\": \"1\"}")).isEqualTo("MISSING_FIELD");
        assertThat(reason("{\"id\": \"a\", \"title\": \"t\", \"price\": \"1\", \"currency\": \"USD\"}"))
                .isEqualTo("INVALID_VALUE");
    }

    @Test
    void signsRequestsWithHmacAsDeclared() {
        var auth = new FeedDefinition.Auth(
                "hmac", "X-Signature", "X-Key-Id", "HmacSHA256", "timestamp-path-and-query", "hex", "X-Timestamp");
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1767225600), ZoneOffset.UTC);
        var signer = new RequestSigner(auth, new FeedCredentials("key-1", "0123456789abcdef-secret"), clock);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://x/v1/items?size=50&page=2"));

        signer.sign(request, URI.create("http://x/v1/items?size=50&page=2"));

        var headers = request.build().headers();
        assertThat(headers.firstValue("X-Signature"))
                .hasValue("33730c86dd9aa6bd60259ceb8712bb09a4d9ededcedf49c80ee4fb33049c801d");
        assertThat(headers.firstValue("X-Timestamp")).hasValue("1767225600");
        assertThat(headers.firstValue("X-Key-Id")).hasValue("key-1");
        var base64 = new RequestSigner(
                new FeedDefinition.Auth("hmac", "X-Signature", null, "HmacSHA512", "path-and-query", "base64", "X-T"),
                new FeedCredentials(null, "0123456789abcdef-secret"),
                clock);
        assertThat(base64.signature("GET\n/v1/items?size=50&page=2"))
                .isEqualTo("HTqeh2sRb/2r9ZPs1V800Wicd9A7AySTbAOzvr+seCk0iIYQP1+43JVi5jJQHwTKRpq8yG0Dy+LNnJYva03ZsA==");
    }

    @Test
    void sealsCredentialsBoundToTheirMarketplace() {
        SecretBox box = new SecretBox(properties(Base64.getEncoder().encodeToString(new byte[32])), NO_RING);
        SecretBox.Sealed sealed = box.seal("acme", "s3cret".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(box.open("acme", sealed.value(), sealed.keyId()), StandardCharsets.UTF_8))
                .isEqualTo("s3cret");
        assertThat(new String(sealed.value(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        assertThatThrownBy(() -> box.open("other", sealed.value(), sealed.keyId()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(properties("c2hvcnQ="), NO_RING)).hasMessageContaining("32 bytes");
    }

    @Test
    void pagesByOffsetAndCursor() {
        var offset = new FeedDefinition(
                "http://x/items",
                FeedDefinition.Auth.none(),
                new FeedDefinition.Paging("offset", null, "offset", null, "limit", 50, 1, null, null),
                MAPPING);
        var cursor = new FeedDefinition(
                "http://x/items",
                FeedDefinition.Auth.none(),
                new FeedDefinition.Paging("cursor", null, null, "after", "size", 20, 1, null, "$.next"),
                MAPPING);
        OutboundHttp http = OutboundHttp.create(Duration.ofSeconds(1));

        assertThat(feed(offset, http).uri("100")).hasToString("http://x/items?limit=50&offset=100");
        assertThat(feed(cursor, http).uri(null)).hasToString("http://x/items?size=20");
        assertThat(feed(cursor, http).uri("a b")).hasToString("http://x/items?size=20&after=a+b");
    }

    @Test
    void readsEveryProblemOfADeclarationAtOnce() {
        var result = DefinitionReader.read(Json.read("{\"code\": \"ok-code\", \"paging\": 3}"), u -> Optional.empty());

        assertThat(result.declaration()).isNull();
        assertThat(result.problems())
                .extracting(DefinitionReader.Problem::field)
                .contains("name", "protocol", "baseUrl", "schedule", "auth", "paging", "mapping");
    }

    @Test
    void refusesDeclaredLimitsOutsideTheirRanges() {
        var result = DefinitionReader.read(Json.read("""
                {"code": "ok-code", "limits": {"maxAnswerBytes": 10, "answerTimeoutSeconds": 0, "maxPages": "many",
                 "maxRecords": 0}}
                """), u -> Optional.empty());

        assertThat(result.problems())
                .extracting(DefinitionReader.Problem::field)
                .contains(
                        "limits.maxAnswerBytes", "limits.answerTimeoutSeconds", "limits.maxPages", "limits.maxRecords");
    }

    private String reason(String json) {
        ParseOutcome<CatalogueOffer> parsed = mapper.map(json);
        assertThat(parsed).isInstanceOf(ParseOutcome.Rejected.class);
        return ((ParseOutcome.Rejected<CatalogueOffer>) parsed).reasonCode();
    }

    static IngestionProperties properties(@org.jspecify.annotations.Nullable String key) {
        return new IngestionProperties(
                "t",
                1,
                (short) 1,
                10,
                4_000_000,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                false,
                20_000,
                URI.create("http://x"),
                key,
                FeedBounds.defaults(),
                Duration.ofSeconds(45));
    }

    private static GenericJsonFeed feed(FeedDefinition definition, OutboundHttp http) {
        return new GenericJsonFeed(
                "acme", definition, FeedCredentials.NONE, http, FeedBounds.defaults(), u -> Optional.empty());
    }
}
