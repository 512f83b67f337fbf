package dev.silkway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A running application's OpenAPI document: saved to {@code target/openapi/<name>.json}, where CI lints it with
 * Redocly's recommended rules ({@code .ci/run}), and checked for what every Silkway document declares.
 */
public final class OpenApiDocument {

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private OpenApiDocument() {}

    /** Fetches {@code /v3/api-docs} without a credential, saves it and checks the conventions; returns its JSON. */
    public static DocumentContext saveAndCheck(int port, String name) {
        HttpResponse<String> docs = new ActuatorProbe(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        try {
            Path folder = Files.createDirectories(Path.of("target", "openapi"));
            Files.writeString(folder.resolve(name + ".json"), docs.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentContext json = JsonPath.parse(docs.body());
        assertThat(json.read("$.components.securitySchemes.bearer.scheme", String.class))
                .isEqualTo("bearer");
        Map<String, Map<String, Object>> paths = json.read("$.paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            DocumentContext op = JsonPath.parse(operation);
            assertThat(op.read("$.summary", String.class))
                    .as("summary of %s %s", method, path)
                    .isNotBlank();
            List<Object> security = op.read("$.security");
            if (!security.isEmpty()) {
                assertThat(op.read("$.responses", Map.class))
                        .as("problem responses of %s %s", method, path)
                        .containsKeys("401", "403");
            }
        }));
        return json;
    }
}
