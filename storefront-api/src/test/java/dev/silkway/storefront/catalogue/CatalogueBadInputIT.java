package dev.silkway.storefront.catalogue;

import static dev.silkway.storefront.catalogue.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Invalid parameters are a 400 naming the parameter; no query text, however hostile, is a 500. */
class CatalogueBadInputIT extends CatalogueIntegrationTest {

    static List<Arguments> invalidParameters() {
        String otherSort = Base64.getUrlEncoder()
                .encodeToString("{\"s\":\"rating\",\"v\":[4.5,10,\"1\"]}".getBytes(StandardCharsets.UTF_8));
        String wrongShape = Base64.getUrlEncoder()
                .encodeToString("{\"s\":\"relevance\",\"v\":[{\"a\":1},\"x\"]}".getBytes(StandardCharsets.UTF_8));
        return List.of(
                Arguments.of("priceMin=5000&priceMax=100", "priceMin"),
                Arguments.of("priceMin=-1", "priceMin"),
                Arguments.of("priceMax=abc", "priceMax"),
                Arguments.of("sort=cheapest", "sort"),
                Arguments.of("size=101", "size"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=ten", "size"),
                Arguments.of("cursor=not-a-cursor!", "cursor"),
                Arguments.of("cursor=" + enc(otherSort), "cursor"),
                Arguments.of("cursor=" + enc(wrongShape), "cursor"),
                Arguments.of("cursor=" + "A".repeat(2000), "cursor"),
                Arguments.of("category=no-such-category", "category"),
                Arguments.of("marketplace=amazon", "marketplace"),
                Arguments.of("brand=" + enc("No Such Brand ™"), "brand"),
                Arguments.of("ratingMin=6", "ratingMin"),
                Arguments.of("inStock=maybe", "inStock"));
    }

    @ParameterizedTest
    @MethodSource("invalidParameters")
    void refusesAnInvalidParameterNamingIt(String query, String parameter) {
        Http.Response response = api.get("/api/v1/products?" + query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title:(nike OR adidas) AND NOT brand:puma~2 ^3 [* TO *] {a TO z}",
                "\"unbalanced quote",
                "кроссовки\" OR \"",
                "\\",
                "/regex.*/",
                "*",
                "?",
                "(((((",
                "<script>alert(1)</script>",
                "👟🔥 кроссовки 👟",
                "\u0000\u0001\u001f\u007f",
                "a\u0000b",
                "%",
                "' OR 1=1 --",
                "\u202e\u200b\ufeff",
                "&&||!(){}[]^\"~*?:\\/"
            })
    void neverFailsOnHostileText(String text) {
        assertThat(api.get("/api/v1/products?q=" + enc(text)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/products/suggest?q=" + enc(text)).status()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void neverFailsOnTenKilobytesOfText() {
        String longText = "кроссовки nike air ".repeat(600).substring(0, 10_240);
        Http.Response search = api.get("/api/v1/products?q=" + enc(longText));
        assertThat(search.status()).isLessThan(500);
        String ascii = "nike air max ".repeat(800).substring(0, 10_240);
        assertThat(api.get("/api/v1/products?q=" + enc(ascii)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/products/suggest?q=" + enc(ascii)).status()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void refusesAnInvalidSuggestionSize() {
        Http.Response response = api.get("/api/v1/products/suggest?q=a&size=500");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo("size");
    }
}
