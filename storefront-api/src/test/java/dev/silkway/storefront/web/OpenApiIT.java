package dev.silkway.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.StorefrontIntegrationTest;
import dev.silkway.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

class OpenApiIT extends StorefrontIntegrationTest {

    @Test
    void servesTheOpenApiDocumentWithTheAccountEndpoints() {
        var docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(docs.json().path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/me/addresses")).isTrue();
    }

    @Test
    void declaresTheBearerSchemeOnSecuredOperationsASummaryOnEachAndTheirProblemResponses() {
        var docs = OpenApiDocument.saveAndCheck(port, "storefront-api");

        assertThat(docs.read("$.paths['/api/v1/admin/users'].get.security[0]", java.util.Map.class))
                .containsKey("bearer");
        assertThat(docs.read("$.paths['/api/v1/auth/login'].post.security", java.util.List.class))
                .isEmpty();
        assertThat(docs.read("$.paths['/api/v1/admin/users/{id}/roles'].put.responses", java.util.Map.class))
                .containsKeys("400", "401", "403", "404");
        assertThat(docs.read(
                        "$.paths['/api/v1/admin/users/{id}/roles'].put.responses['403'].content['application/problem+json'].schema['$ref']",
                        String.class))
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        var allowed = api.preflight("/api/v1/auth/login", "https://shop.silkway.example", "POST");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.silkway.example");

        var foreign = api.preflight("/api/v1/auth/login", "https://evil.example", "POST");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }
}
