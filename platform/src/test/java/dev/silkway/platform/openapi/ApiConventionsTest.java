package dev.silkway.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

class ApiConventionsTest {

    private final ApiConventions conventions =
            new ApiConventions((method, path) -> path.startsWith("/api/v1/public"), "ingestion");

    @Test
    void declaresTheBearerSchemeAndPutsItOnOperationsThatNeedAToken() {
        OpenAPI api = api();

        conventions.customise(api);

        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme())
                .isEqualTo("bearer");
        assertThat(operation(api, "/api/v1/ops/jobs/{name}").getSecurity())
                .singleElement()
                .satisfies(requirement -> assertThat(requirement).containsKey("bearer"));
        assertThat(operation(api, "/api/v1/public/things").getSecurity()).isEmpty();
        assertThat(api.getInfo().getTitle()).isEqualTo("Silkway ingestion");
    }

    @Test
    void describesTheProblemResponsesOfEachOperationAsProblemJson() {
        OpenAPI api = api();

        conventions.customise(api);

        ApiResponses secured = operation(api, "/api/v1/ops/jobs/{name}").getResponses();
        assertThat(secured).containsKeys("200", "400", "401", "403", "404");
        assertThat(secured.get("409")
                        .getContent()
                        .get("application/problem+json")
                        .getSchema()
                        .get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(operation(api, "/api/v1/public/things").getResponses()).containsOnlyKeys("200");
    }

    @Test
    void makesASummaryFromTheHandlersName() {
        assertThat(OperationSummaries.sentence("replaceRoles")).isEqualTo("Replace roles");
        assertThat(OperationSummaries.sentence("dryRun")).isEqualTo("Dry run");
    }

    @Test
    void samplesEveryPathVariable() {
        assertThat(ApiConventions.samplePath("/api/v1/ops/executions/{id}/restart"))
                .isEqualTo("/api/v1/ops/executions/0/restart");
    }

    private static OpenAPI api() {
        Operation run = new Operation()
                .addParametersItem(new PathParameter().name("name"))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("ok"))
                        .addApiResponse("409", new ApiResponse().description("in progress")));
        Operation things = new Operation()
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ok")));
        return new OpenAPI()
                .paths(new Paths()
                        .addPathItem("/api/v1/ops/jobs/{name}", new PathItem().post(run))
                        .addPathItem("/api/v1/public/things", new PathItem().get(things)));
    }

    private static Operation operation(OpenAPI api, String path) {
        PathItem item = api.getPaths().get(path);
        return item.getPost() != null ? item.getPost() : item.getGet();
    }
}
