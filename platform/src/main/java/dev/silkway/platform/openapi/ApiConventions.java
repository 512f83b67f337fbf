package dev.silkway.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * What every Silkway OpenAPI document declares, so that a client generated from it works: the bearer scheme (the
 * storefront's RS256 access tokens), on each operation that needs a token (decided by the application's own
 * security rules, never a second list), and the problem details ({@code application/problem+json}) an operation
 * can answer: 400 where it takes input, 401 and 403 where it needs a token, 404 where its path names a resource.
 */
final class ApiConventions implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Whether an anonymous caller may call (method, path with sample path variables). */
    private final BiPredicate<String, String> anonymousAllowed;

    private final String application;

    ApiConventions(BiPredicate<String, String> anonymousAllowed, String application) {
        this.anonymousAllowed = anonymousAllowed;
        this.application = application;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info()
                .title("Silkway " + application)
                .version("v1")
                .description("The " + application + " API. Errors are RFC 9457 problem details; the bearer token is"
                        + " the storefront's access token."));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("The storefront's access token (POST /api/v1/auth/login)"))
                .addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    boolean secured = !anonymousAllowed.test(method.name(), samplePath(path));
                    operation.setSecurity(secured ? List.of(new SecurityRequirement().addList(BEARER)) : List.of());
                    describeProblems(path, operation, secured);
                }));
    }

    private static void describeProblems(String path, Operation operation, boolean secured) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            problem(responses, "400", "Invalid request: the fields in errors[]");
        }
        if (secured) {
            problem(responses, "401", "No valid access token (missing, expired, or its session ended)");
            problem(responses, "403", "The token's roles do not allow this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such resource");
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(responses);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.setProperties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.setProperties(Map.of(
                "type",
                new StringSchema().format("uri"),
                "title",
                new StringSchema(),
                "status",
                new IntegerSchema(),
                "detail",
                new StringSchema(),
                "instance",
                new StringSchema().format("uri"),
                "errors",
                new ArraySchema().items(fieldError)));
        return problem;
    }

    /** A concrete path for the security rules: each {variable} becomes one sample segment. */
    static String samplePath(String template) {
        return template.replaceAll("\\{[^/}]+}", "0");
    }
}
